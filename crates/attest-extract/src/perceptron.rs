//! A first-order structured perceptron over hashed features (Collins 2002), decoded with
//! Viterbi under hard transition constraints (no "inside" tag without its "begin"), and
//! trained with weight averaging. Weights are stored as 16-bit integers with one scale.

/// Hash of a string (FNV-1a, 64 bits): the features are hashes, never strings.
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Combines two hashes (order matters).
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let h = (a ^ b.rotate_left(23)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^ (h >> 29)
}

/// Features of one sequence: `offsets[t]..offsets[t + 1]` are token t's feature hashes.
#[derive(Debug, Default)]
pub(crate) struct Features {
    pub hashes: Vec<u64>,
    pub offsets: Vec<usize>,
}

impl Features {
    pub fn clear(&mut self) {
        self.hashes.clear();
        self.offsets.clear();
        self.offsets.push(0);
    }
    pub fn end_token(&mut self) {
        self.offsets.push(self.hashes.len());
    }
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }
    fn of(&self, t: usize) -> &[u64] {
        &self.hashes[self.offsets[t]..self.offsets[t + 1]]
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Tagger {
    bits: u32,
    ntags: usize,
    /// `w[bucket * ntags + tag]`.
    w: Vec<f32>,
    /// `trans[prev * ntags + tag]`, prev = ntags for the start.
    trans: Vec<f32>,
    /// Same layout as `trans`: transitions that may never happen.
    allowed: Vec<bool>,
}

impl Tagger {
    pub fn new(bits: u32, ntags: usize, allowed: Vec<bool>) -> Tagger {
        assert_eq!(allowed.len(), (ntags + 1) * ntags);
        Tagger {
            bits,
            ntags,
            w: vec![0.0; (1usize << bits) * ntags],
            trans: vec![0.0; (ntags + 1) * ntags],
            allowed,
        }
    }

    fn bucket(&self, h: u64) -> usize {
        (h >> (64 - self.bits)) as usize
    }

    /// Emission scores, `scores[t * ntags + tag]`.
    fn emissions(&self, f: &Features, out: &mut Vec<f32>) {
        let k = self.ntags;
        out.clear();
        out.resize(f.len() * k, 0.0);
        for t in 0..f.len() {
            let row = &mut out[t * k..(t + 1) * k];
            for &h in f.of(t) {
                let b = self.bucket(h) * k;
                for (r, w) in row.iter_mut().zip(&self.w[b..b + k]) {
                    *r += *w;
                }
            }
        }
    }

    /// The best tag sequence; `scratch` keeps the emission scores for [`Tagger::emission`].
    pub fn decode(&self, f: &Features, scratch: &mut Vec<f32>) -> Vec<usize> {
        self.decode_biased(f, &[], scratch)
    }

    /// Like `decode`, with `bias[tag]` added to every emission score of `tag` (trading
    /// precision for recall); missing entries count as 0.
    pub fn decode_biased(&self, f: &Features, bias: &[f32], scratch: &mut Vec<f32>) -> Vec<usize> {
        self.emissions(f, scratch);
        if !bias.is_empty() {
            for row in scratch.chunks_exact_mut(self.ntags) {
                for (r, b) in row.iter_mut().zip(bias) {
                    *r += *b;
                }
            }
        }
        viterbi(scratch, &self.trans, &self.allowed, self.ntags)
    }

    /// Emission score of `tag` at token `t` from the last `decode` (`scratch` unchanged).
    pub fn emission(&self, scratch: &[f32], t: usize, tag: usize) -> f32 {
        scratch[t * self.ntags + tag]
    }

    /// Serialises the weights: magic, bits, tags, scale, i16 weights, f32 transitions.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self.w.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-9);
        let scale = max / 32767.0;
        let mut out = Vec::with_capacity(self.w.len() * 2 + 64);
        out.extend_from_slice(b"AXP1");
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&(self.ntags as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for w in &self.w {
            out.extend_from_slice(&((w / scale).round() as i16).to_le_bytes());
        }
        for t in &self.trans {
            out.extend_from_slice(&t.to_le_bytes());
        }
        out
    }

    /// Reads what `to_bytes` wrote, returning the tagger and the bytes after it.
    pub fn from_bytes(bytes: &[u8], allowed: Vec<bool>) -> Option<(Tagger, &[u8])> {
        let u32_at = |i: usize| -> Option<u32> {
            Some(u32::from_le_bytes(bytes.get(i..i + 4)?.try_into().ok()?))
        };
        if bytes.get(0..4)? != b"AXP1" {
            return None;
        }
        let bits = u32_at(4)?;
        let ntags = u32_at(8)? as usize;
        let scale = f32::from_bits(u32_at(12)?);
        if !(1..=24).contains(&bits) || allowed.len() != (ntags + 1) * ntags {
            return None;
        }
        let nw = (1usize << bits) * ntags;
        let nt = (ntags + 1) * ntags;
        let body = bytes.get(16..16 + nw * 2 + nt * 4)?;
        let w = body[..nw * 2]
            .chunks_exact(2)
            .map(|c| f32::from(i16::from_le_bytes([c[0], c[1]])) * scale)
            .collect();
        let trans = body[nw * 2..]
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let tagger = Tagger {
            bits,
            ntags,
            w,
            trans,
            allowed,
        };
        Some((tagger, &bytes[16 + nw * 2 + nt * 4..]))
    }
}

fn viterbi(em: &[f32], trans: &[f32], allowed: &[bool], k: usize) -> Vec<usize> {
    let n = em.len() / k;
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![f32::NEG_INFINITY; n * k];
    let mut back = vec![0usize; n * k];
    for tag in 0..k {
        if allowed[k * k + tag] {
            score[tag] = em[tag] + trans[k * k + tag];
        }
    }
    for t in 1..n {
        for tag in 0..k {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for prev in 0..k {
                if !allowed[prev * k + tag] {
                    continue;
                }
                let s = score[(t - 1) * k + prev] + trans[prev * k + tag];
                if s > best {
                    best = s;
                    arg = prev;
                }
            }
            score[t * k + tag] = best + em[t * k + tag];
            back[t * k + tag] = arg;
        }
    }
    let mut tags = vec![0usize; n];
    let last = &score[(n - 1) * k..];
    tags[n - 1] = (0..k)
        .max_by(|&a, &b| last[a].total_cmp(&last[b]))
        .unwrap_or(0);
    for t in (1..n).rev() {
        tags[t - 1] = back[t * k + tags[t]];
    }
    tags
}

/// Trains a [`Tagger`] with the averaged perceptron.
pub(crate) struct Trainer {
    pub model: Tagger,
    total: Vec<f32>,
    stamp: Vec<u32>,
    trans_total: Vec<f32>,
    trans_stamp: Vec<u32>,
    step: u32,
    scratch: Vec<f32>,
}

impl Trainer {
    pub fn new(model: Tagger) -> Trainer {
        let (nw, nt) = (model.w.len(), model.trans.len());
        Trainer {
            model,
            total: vec![0.0; nw],
            stamp: vec![0; nw],
            trans_total: vec![0.0; nt],
            trans_stamp: vec![0; nt],
            step: 0,
            scratch: Vec::new(),
        }
    }

    fn bump(w: &mut [f32], total: &mut [f32], stamp: &mut [u32], i: usize, d: f32, step: u32) {
        total[i] += (step - stamp[i]) as f32 * w[i];
        stamp[i] = step;
        w[i] += d;
    }

    /// One example: decode, and where the path differs from `gold`, move the weights.
    /// Returns whether the prediction was wrong.
    pub fn learn(&mut self, f: &Features, gold: &[usize]) -> bool {
        self.step += 1;
        let pred = self.model.decode(f, &mut self.scratch);
        if pred == gold {
            return false;
        }
        let k = self.model.ntags;
        let step = self.step;
        for t in 0..gold.len() {
            let (g, p) = (gold[t], pred[t]);
            let gp = if t == 0 { k } else { gold[t - 1] };
            let pp = if t == 0 { k } else { pred[t - 1] };
            if g != p || gp != pp {
                let m = &mut self.model;
                Self::bump(
                    &mut m.trans,
                    &mut self.trans_total,
                    &mut self.trans_stamp,
                    gp * k + g,
                    1.0,
                    step,
                );
                Self::bump(
                    &mut m.trans,
                    &mut self.trans_total,
                    &mut self.trans_stamp,
                    pp * k + p,
                    -1.0,
                    step,
                );
            }
            if g != p {
                for &h in f.of(t) {
                    let b = self.model.bucket(h) * k;
                    let m = &mut self.model;
                    Self::bump(&mut m.w, &mut self.total, &mut self.stamp, b + g, 1.0, step);
                    Self::bump(
                        &mut m.w,
                        &mut self.total,
                        &mut self.stamp,
                        b + p,
                        -1.0,
                        step,
                    );
                }
            }
        }
        true
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Tagger {
        let mut out = self.model.clone();
        let step = self.step.max(1) as f32;
        for (i, w) in out.w.iter_mut().enumerate() {
            let total = self.total[i] + (self.step - self.stamp[i]) as f32 * *w;
            *w = total / step;
        }
        for (i, w) in out.trans.iter_mut().enumerate() {
            let total = self.trans_total[i] + (self.step - self.trans_stamp[i]) as f32 * *w;
            *w = total / step;
        }
        out
    }
}

/// Transition constraints for BIO tags over `labels` labels: tag 0 is O, then B and I of
/// each label in turn; I of a label only after its B or I.
pub(crate) fn bio_allowed(labels: usize) -> Vec<bool> {
    let k = 1 + 2 * labels;
    let mut allowed = vec![true; (k + 1) * k];
    for prev in 0..=k {
        for tag in 0..k {
            if tag > 0 && tag % 2 == 0 {
                let b = tag - 1;
                allowed[prev * k + tag] = prev == b || prev == tag;
            }
        }
    }
    allowed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_toy_bio_task_and_round_trips() {
        // tags: 0 = O, 1 = B, 2 = I; I only after B or I
        let allowed = bio_allowed(1);
        let mut tr = Trainer::new(Tagger::new(10, 3, allowed.clone()));
        let seqs: Vec<(Vec<&str>, Vec<usize>)> = vec![
            (vec!["a", "x", "y", "b"], vec![0, 1, 2, 0]),
            (vec!["x", "y", "y", "b"], vec![1, 2, 2, 0]),
            (vec!["a", "a", "x", "b"], vec![0, 0, 1, 0]),
        ];
        let mut f = Features::default();
        for _ in 0..10 {
            for (words, gold) in &seqs {
                f.clear();
                for w in words {
                    f.hashes.push(hash_str(w));
                    f.end_token();
                }
                tr.learn(&f, gold);
            }
        }
        let model = tr.averaged();
        let bytes = model.to_bytes();
        let (back, rest) = Tagger::from_bytes(&bytes, allowed).unwrap();
        assert!(rest.is_empty());
        f.clear();
        for w in ["b", "x", "y", "a"] {
            f.hashes.push(hash_str(w));
            f.end_token();
        }
        assert_eq!(back.decode(&f, &mut Vec::new()), [0, 1, 2, 0]);
    }
}
