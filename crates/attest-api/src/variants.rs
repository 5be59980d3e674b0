//! Quote variants: statements quoting nearly the same words, in one article (a pull
//! quote and the body's version) or across articles (the same quote in two outlets),
//! with the words that differ. The rules are in `attest_core::variants`.

use crate::{Api, Result};
use attest_core::variants::{QuoteVariant, StatementVariants};

impl Api {
    /// The variants of a statement's quote anywhere in the notebook, best first (none
    /// for a rejected statement); each with its diff from this statement's quote.
    pub fn statement_variants(&self, id: i64) -> Result<Vec<QuoteVariant>> {
        Ok(self.notebook.quote_variants(id)?)
    }

    /// The variants of every statement of an article that has some, in one pass.
    pub fn article_variants(&self, article_id: i64) -> Result<Vec<StatementVariants>> {
        Ok(self.notebook.article_variants(article_id)?)
    }

    /// [`Api::article_variants`], or `None` once `wanted` says nobody waits for it.
    pub fn article_variants_while(
        &self,
        article_id: i64,
        wanted: &dyn Fn() -> bool,
    ) -> Result<Option<Vec<StatementVariants>>> {
        Ok(self.notebook.article_variants_while(article_id, wanted)?)
    }

    /// Every group of two or more statements quoting nearly the same words (statement
    /// ids, ascending).
    pub fn variant_groups(&self) -> Result<Vec<Vec<i64>>> {
        Ok(self.notebook.variant_groups()?)
    }

    /// The variant groups for listing: each group's first statement, then the others
    /// with their diffs from it, best first; with `article_id`, only the groups holding
    /// a statement of that article.
    pub fn variant_group_quotes(&self, article_id: Option<i64>) -> Result<Vec<Vec<QuoteVariant>>> {
        Ok(self.notebook.variant_group_quotes(article_id)?)
    }
}
