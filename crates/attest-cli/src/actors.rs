//! `attest actors …`: the actor registry from the command line.

use crate::{actor_line, statement_line, ActorsCommand, Output};
use attest_api::{Api, ApiError};
use attest_core::*;

/// Runs an `actors` verb (other than `add` and `list`).
pub(crate) fn actors(out: &Output, api: &mut Api, command: ActorsCommand) -> Result<(), ApiError> {
    match command {
        ActorsCommand::Add { .. } | ActorsCommand::List => {}
        ActorsCommand::Alias {
            actor,
            alias,
            weak,
            metonym,
            demonym,
            disable,
            enable,
            remove,
        } => {
            let actor = api.actor_named(&actor)?;
            let existing = api
                .actor_profile(actor.id)?
                .aliases
                .into_iter()
                .find(|a| a.alias.to_lowercase() == alias.trim().to_lowercase());
            let profile = match existing {
                Some(a) if remove => {
                    api.remove_alias(a.id)?;
                    api.actor_profile(actor.id)?
                }
                None if remove => {
                    return Err(ApiError::invalid(format!(
                        "“{}” has no alias “{alias}”",
                        actor.name
                    )))
                }
                Some(a) => {
                    let disabled = if disable || enable {
                        disable
                    } else {
                        a.disabled
                    };
                    // Switching on or off alone keeps the flags the alias has.
                    let (weak, metonym, demonym) =
                        if (disable || enable) && !(weak || metonym || demonym) {
                            (a.weak, a.metonym, a.demonym)
                        } else {
                            (weak, metonym, demonym)
                        };
                    api.set_alias_flags(a.id, weak, metonym, demonym, disabled)?;
                    api.actor_profile(actor.id)?
                }
                None => {
                    let new = NewAlias {
                        alias: alias.clone(),
                        weak,
                        metonym,
                        demonym,
                    };
                    let profile = api.add_alias_with(actor.id, &new)?;
                    match profile.aliases.iter().find(|a| a.alias == alias.trim()) {
                        Some(a) if disable => {
                            api.set_alias_flags(a.id, weak, metonym, demonym, true)?;
                            api.actor_profile(actor.id)?
                        }
                        _ => profile,
                    }
                }
            };
            out.print(&profile.actor, || actor_line(&profile.actor));
        }
        ActorsCommand::Role {
            actor,
            title,
            of,
            from,
            to,
        } => {
            let actor = api.actor_named(&actor)?;
            let of_actor_id = of.map(|n| api.actor_named(&n)).transpose()?.map(|a| a.id);
            let profile = api.add_role(
                actor.id,
                &NewRole {
                    title,
                    of_actor_id,
                    from,
                    to,
                },
            )?;
            for r in &profile.roles {
                out.print(r, || format!("{}: {}", profile.actor.name, role_line(r)));
            }
        }
        ActorsCommand::Member {
            actor,
            group,
            remove,
        } => {
            let member = api.actor_named(&actor)?;
            let group = api.actor_named(&group)?;
            let profile = if remove {
                api.remove_membership(member.id, group.id)?
            } else {
                api.add_membership(member.id, group.id)?
            };
            out.print(&profile.member_of, || {
                format!(
                    "{} is a member of: {}",
                    profile.actor.name,
                    names(&profile.member_of)
                )
            });
        }
        ActorsCommand::Edit {
            actor,
            notes,
            wikidata,
            colour,
        } => {
            let actor = api.actor_named(&actor)?;
            let mut details = api.actor_profile(actor.id)?.details;
            if let Some(notes) = notes {
                details.notes = notes;
            }
            if let Some(w) = wikidata {
                details.wikidata = Some(w);
            }
            if let Some(c) = colour {
                details.colour = Some(c);
            }
            let profile = api.set_actor_details(actor.id, &details)?;
            out.print(&profile.details, || {
                details_lines(&profile.details).join("\n")
            });
        }
        ActorsCommand::Merge { into, merged } => {
            let into = api.actor_named(&into)?;
            let merged = api.actor_named(&merged)?;
            let profile = api.merge_actors(into.id, merged.id)?;
            out.print(&profile.actor, || {
                format!(
                    "merged “{}” into {} (undo: attest actors unmerge \"{}\")",
                    merged.name,
                    actor_line(&profile.actor),
                    merged.name
                )
            });
        }
        ActorsCommand::Unmerge { actor } => {
            let actor = api.actor_named_or_merged(&actor)?;
            let profile = api.unmerge_actor(actor.id)?;
            out.print(&profile.actor, || {
                format!("unmerged {}", actor_line(&profile.actor))
            });
        }
        ActorsCommand::Split {
            actor,
            name,
            aliases,
            kind,
        } => {
            let actor = api.actor_named(&actor)?;
            let own = api.actor_profile(actor.id)?.aliases;
            let ids = aliases
                .iter()
                .map(|wanted| {
                    own.iter()
                        .find(|a| a.alias.to_lowercase() == wanted.trim().to_lowercase())
                        .map(|a| a.id)
                        .ok_or_else(|| {
                            ApiError::invalid(format!("“{}” has no alias “{wanted}”", actor.name))
                        })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let profile = api.split_actor(actor.id, &ids, &name, kind)?;
            out.print(&profile.actor, || {
                format!("split off {}", actor_line(&profile.actor))
            });
        }
        ActorsCommand::Show { actor } => {
            let actor = api.actor_named_or_merged(&actor)?;
            let profile = api.actor_profile(actor.id)?;
            out.print(&profile, || profile_text(&profile));
        }
        ActorsCommand::Gazetteer => {
            let r = api.load_gazetteer()?;
            out.print(&r, || {
                format!(
                    "gazetteer: {} states added, {} already here, {} aliases added",
                    r.states_added, r.states_existing, r.aliases_added
                )
            });
        }
        ActorsCommand::Candidates { article } => {
            for c in api.actor_candidates(article)? {
                out.print(&c, || {
                    let title = c
                        .title
                        .as_deref()
                        .map(|t| format!(" ({t})"))
                        .unwrap_or_default();
                    let articles = if c.articles == 1 {
                        "article"
                    } else {
                        "articles"
                    };
                    format!(
                        "{:>5}  {}{title}  in {} {articles}, first #{}",
                        c.count, c.name, c.articles, c.first_article_id
                    )
                });
            }
        }
        ActorsCommand::Mentions { article } => {
            for m in api.article_mentions(article)? {
                out.print(&m, || {
                    let how = match (m.resolved_from, m.metonym) {
                        (Some(at), _) => format!(" (named in full at {at})"),
                        (None, true) => " (metonym)".into(),
                        _ => String::new(),
                    };
                    format!(
                        "{}..{}  “{}” → #{} {}{how}",
                        m.start, m.end, m.text, m.actor.id, m.actor.name
                    )
                });
            }
        }
    }
    Ok(())
}

fn names(refs: &[ActorRef]) -> String {
    if refs.is_empty() {
        return "(none)".into();
    }
    let names: Vec<&str> = refs.iter().map(|a| a.name.as_str()).collect();
    names.join(", ")
}

fn role_line(r: &ActorRole) -> String {
    let of = r
        .of_actor
        .as_ref()
        .map(|a| format!(" of {}", a.name))
        .unwrap_or_default();
    let dates = match (&r.from, &r.to) {
        (None, None) => String::new(),
        (from, to) => format!(
            ", {} – {}",
            from.as_deref().unwrap_or("?"),
            to.as_deref().unwrap_or("")
        ),
    };
    format!("{}{of}{dates}", r.title)
}

fn details_lines(d: &ActorDetails) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(w) = &d.wikidata {
        lines.push(format!("  wikidata: {w}"));
    }
    if let Some(c) = &d.colour {
        lines.push(format!("  colour: {c}"));
    }
    if !d.notes.is_empty() {
        lines.push(format!("  notes: {}", d.notes.replace('\n', "\n         ")));
    }
    lines
}

/// `actors show`: the profile as text.
fn profile_text(p: &ActorProfile) -> String {
    let mut lines = vec![actor_line(&p.actor)];
    if let Some(into) = &p.merged_into {
        lines.push(format!("  merged into #{} {}", into.id, into.name));
    }
    if let Some(code) = &p.gazetteer_code {
        lines.push(format!("  from the gazetteer ({code})"));
    }
    lines.extend(details_lines(&p.details));
    if !p.aliases.is_empty() {
        let aliases: Vec<String> = p
            .aliases
            .iter()
            .map(|a| {
                let flags: Vec<&str> = [
                    (a.weak, "weak"),
                    (a.metonym, "metonym"),
                    (a.demonym, "demonym"),
                    (a.disabled, "off"),
                ]
                .into_iter()
                .filter_map(|(on, name)| on.then_some(name))
                .collect();
                if flags.is_empty() {
                    a.alias.clone()
                } else {
                    format!("{} ({})", a.alias, flags.join(", "))
                }
            })
            .collect();
        lines.push(format!("  aliases: {}", aliases.join(", ")));
    }
    for r in &p.roles {
        lines.push(format!("  role: {}", role_line(r)));
    }
    if !p.member_of.is_empty() {
        lines.push(format!("  member of: {}", names(&p.member_of)));
    }
    if !p.members.is_empty() {
        lines.push(format!("  members: {}", names(&p.members)));
    }
    if !p.merged.is_empty() {
        lines.push(format!("  merged into it: {}", names(&p.merged)));
    }
    let articles = if p.articles.len() == 1 {
        "article"
    } else {
        "articles"
    };
    lines.push(format!(
        "  mentions: {} in {} {articles}",
        p.mention_count,
        p.articles.len()
    ));
    for a in &p.articles {
        let date = a
            .published
            .as_deref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default();
        lines.push(format!(
            "    #{} {}{date}: {}",
            a.article_id, a.display_title, a.mentions
        ));
    }
    lines.push(format!("  statements: {}", p.statements.len()));
    for s in &p.statements {
        lines.push(format!("    {}", statement_line(s)));
    }
    lines.join("\n")
}
