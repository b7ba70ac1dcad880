//! Parts of the profile given over the built-in one: what an agent taught on a page whose
//! markup changed (the teach flow), or what a team lead shares as a file. They are parts
//! of `inbox.json` under the same keys, merged so that what was taught comes first and the
//! built-in strategies stay behind it: Meta shows different versions of the page to
//! different people, and the old one may come back.
//!
//! Merging is on the JSON, before [`PageProfile::from_json`] reads it, so a taught part is
//! checked exactly as a shipped one is.

use serde_json::{Map, Value};

use super::{fault, PageProfile, KEYS};
use crate::catalogue::Fault;

/// Merges `parts` over `base` (the profile's JSON): a list is taken with the part's items
/// first and the base's after them (an item in both only once), an object key by key in
/// the same way, and anything else is replaced. A key the profile does not have, or a part
/// whose kind differs from the base's (a text where a list belongs), is an error naming it.
pub fn merge(base: &Value, parts: &Map<String, Value>) -> Result<Value, Vec<Fault>> {
    let mut merged = base.clone();
    let mut errors = Vec::new();
    for (key, part) in parts {
        let slot = merged.get_mut(key).filter(|_| key != "about" && KEYS.contains(&key.as_str()));
        let merging = match slot {
            Some(slot) => merge_value(slot, part),
            None => Err(fault("", "profile.not-a-part")),
        };
        if let Err(fault) = merging {
            errors.push(fault.under(key));
        }
    }
    if errors.is_empty() {
        Ok(merged)
    } else {
        Err(errors)
    }
}

fn merge_value(slot: &mut Value, part: &Value) -> Result<(), Fault> {
    match (slot, part) {
        (Value::Array(base), Value::Array(taught)) => {
            let mut items = taught.clone();
            items.extend(base.iter().filter(|item| !taught.contains(item)).cloned());
            *base = items;
            Ok(())
        }
        (Value::Array(_), _) => Err(fault("", "profile.must-be-a-list")),
        (Value::Object(base), Value::Object(taught)) => {
            for (key, value) in taught {
                match base.get_mut(key) {
                    Some(slot) => merge_value(slot, value).map_err(|fault| fault.under(key))?,
                    // A key the built-in part leaves out (the composer's `taught`); the
                    // part's own reader refuses one it does not know.
                    None => {
                        base.insert(key.clone(), value.clone());
                    }
                }
            }
            Ok(())
        }
        (Value::Object(_), _) => Err(fault("", "profile.must-be-an-object")),
        (slot, part) => {
            *slot = part.clone();
            Ok(())
        }
    }
}

impl PageProfile {
    /// The shipped profile with `parts` over it ([`merge`]); every error, each naming its
    /// key, when a part cannot be used.
    pub fn shipped_with(parts: &Map<String, Value>) -> Result<PageProfile, Vec<Fault>> {
        // The shipped file is checked by the tests; were it unreadable, every part would be
        // refused as not a part of it rather than panic.
        let base = crate::text::json::parse(super::SHIPPED).unwrap_or_default();
        let merged = merge(&base, parts)?;
        PageProfile::from_json(&merged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parts(value: Value) -> Map<String, Value> {
        value.as_object().cloned().unwrap()
    }

    #[test]
    fn taught_strategies_come_before_the_built_in_ones() {
        let base = json!({"rows": [{"css": "a"}, {"css": "b"}], "rowSkip": "abbr", "composer": {"send": "x", "decoyLabels": ["Search"]}});
        let merged = merge(
            &base,
            &parts(
                json!({"rows": [{"css": "c"}, {"css": "b"}], "rowSkip": "abbr, span", "composer": {"taught": "textarea", "decoyLabels": ["Note"]}}),
            ),
        );
        assert_eq!(
            merged.unwrap(),
            json!({"rows": [{"css": "c"}, {"css": "b"}, {"css": "a"}], "rowSkip": "abbr, span",
                   "composer": {"send": "x", "decoyLabels": ["Note", "Search"], "taught": "textarea"}})
        );
    }

    #[test]
    fn unknown_or_mistyped_parts_are_named() {
        let base = json!({"rows": [], "composer": {"send": "x"}});
        let errors = merge(&base, &parts(json!({"rowz": [], "about": "x", "rows": "a", "composer": "textarea"})));
        let mut errors = Fault::texts(&errors.unwrap_err());
        errors.sort();
        assert_eq!(
            errors,
            [
                "about: not a part of the profile",
                "composer: must be an object, as the built-in one is",
                "rows: must be a list, as the built-in one is",
                "rowz: not a part of the profile"
            ]
        );
    }

    #[test]
    fn the_shipped_profile_takes_parts_and_checks_them() {
        let profile = PageProfile::shipped_with(&parts(json!({"pane": ["[data-pagelet='Taught']"]}))).unwrap();
        assert_eq!(profile.pane[0], "[data-pagelet='Taught']");
        assert_eq!(profile.pane[1..], super::super::shipped().pane[..]);
        let errors = PageProfile::shipped_with(&parts(json!({"rowTime": [{"css": "b", "read": "when"}]}))).unwrap_err();
        assert_eq!(errors[0].field(), Some("rowTime[0].read"));
        let errors =
            PageProfile::shipped_with(&parts(json!({"composer": {"send": "x", "sendDepth": 20}}))).unwrap_err();
        assert_eq!(Fault::texts(&errors), ["composer.sendDepth: must be a whole number from 1 to 12, not 20"]);
    }
}
