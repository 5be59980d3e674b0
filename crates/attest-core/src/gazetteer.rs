//! The built-in gazetteer of states (`data/gazetteer.tsv`, compiled in): name, capital,
//! demonym and the other names each goes by. A notebook loads it on request as state
//! actors, capitals and seats of government as metonym aliases ("Beijing" → China).

/// One state of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerState {
    /// ISO 3166 alpha-2 code (Kosovo: XK), the key a notebook remembers it by.
    pub code: &'static str,
    pub name: &'static str,
    pub capital: Option<&'static str>,
    pub demonym: Option<&'static str>,
    /// Other names; `true` for a place standing for the state ("White House").
    pub others: Vec<(&'static str, bool)>,
}

const DATA: &str = include_str!("../data/gazetteer.tsv");

/// Every state, in the file's order.
pub fn states() -> Vec<GazetteerState> {
    DATA.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut c = l.split('\t');
            let code = c.next()?.trim();
            let name = c.next()?.trim();
            let some = |s: Option<&'static str>| s.map(str::trim).filter(|s| !s.is_empty());
            let capital = some(c.next());
            let demonym = some(c.next());
            let others = c
                .next()
                .unwrap_or("")
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| match s.strip_prefix('@') {
                    Some(place) => (place, true),
                    None => (s, false),
                })
                .collect();
            Some(GazetteerState {
                code,
                name,
                capital,
                demonym,
                others,
            })
        })
        .collect()
}

/// Every name of every state as a mention pattern, the state's actor id being its index
/// in [`states`] (for finding mentions without a notebook).
pub fn patterns(states: &[GazetteerState]) -> Vec<crate::mentions::Pattern> {
    let mut out = Vec::new();
    for (i, s) in states.iter().enumerate() {
        let names = std::iter::once(s.name)
            .chain(s.capital)
            .chain(s.demonym)
            .chain(s.others.iter().map(|(o, _)| *o));
        for name in names {
            out.push(crate::mentions::Pattern {
                text: name.to_owned(),
                actor_id: i as i64,
                alias_id: None,
                weak: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn about_two_hundred_states_with_unique_codes_and_names() {
        let all = states();
        assert!((190..=210).contains(&all.len()), "{}", all.len());
        let codes: std::collections::HashSet<_> = all.iter().map(|s| s.code).collect();
        let names: std::collections::HashSet<_> = all.iter().map(|s| s.name).collect();
        assert_eq!(codes.len(), all.len());
        assert_eq!(names.len(), all.len());
        let china = all.iter().find(|s| s.code == "CN").unwrap();
        assert_eq!(
            (china.capital, china.demonym),
            (Some("Beijing"), Some("Chinese"))
        );
        let us = all.iter().find(|s| s.code == "US").unwrap();
        assert!(us.others.contains(&("U.S.", false)));
        assert!(us.others.contains(&("White House", true)));
        assert!(all.iter().all(|s| s.code.len() == 2 && !s.name.is_empty()));
    }
}
