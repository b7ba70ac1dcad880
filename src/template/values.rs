//! The values a body is rendered with: the open conversation's names and the fill-in
//! fields the agent typed.

use super::body::{Ask, Variable};
use crate::draft::PersonName;

/// What the placeholders are filled with. A missing or blank value leaves the placeholder
/// (or its fallback) in the rendered text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Values {
    pub first_name: Option<String>,
    pub agent_name: Option<String>,
    pub page_name: Option<String>,
    /// Fill-in fields: (label, value).
    pub fields: Vec<(String, String)>,
}

impl Values {
    /// The values of one conversation: the customer's first name from their display name
    /// (never the last name; a handle such as "ana.popescu92" gives none), the agent's
    /// first name, and the Page's name.
    pub fn for_conversation(
        customer_display_name: Option<&str>,
        agent_name: Option<&str>,
        page_name: Option<&str>,
    ) -> Values {
        let first_name_of = |name: Option<&str>| name.and_then(PersonName::parse).map(|name| name.first.text);
        Values {
            first_name: first_name_of(customer_display_name),
            agent_name: first_name_of(agent_name),
            page_name: page_name.map(str::trim).filter(|name| !name.is_empty()).map(str::to_string),
            fields: Vec::new(),
        }
    }

    /// Takes `value` as the answer to `ask`: the variable's value, or the field's (replacing
    /// one given before). Kept as typed; blank is no answer ([`super::Body::asks`]).
    pub fn answer(&mut self, ask: &Ask, value: &str) {
        match ask {
            Ask::Variable(variable) => {
                let slot = match variable {
                    Variable::FirstName => &mut self.first_name,
                    Variable::AgentName => &mut self.agent_name,
                    Variable::PageName => &mut self.page_name,
                };
                *slot = Some(value.to_string());
            }
            Ask::Field(label) => match self.fields.iter_mut().find(|(l, _)| l == label) {
                Some((_, old)) => *old = value.to_string(),
                None => self.fields.push((label.clone(), value.to_string())),
            },
        }
    }

    /// The value typed for the fill-in field `label`, if it is not blank.
    pub fn field(&self, label: &str) -> Option<&str> {
        self.fields.iter().find(|(l, _)| l == label).map(|(_, value)| value.as_str()).filter(|v| !v.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_first_names_only() {
        let values = Values::for_conversation(Some("Dr. Ana Popescu 🌸"), Some(" Mihai Ionescu "), Some(" Northwind "));
        assert_eq!(values.first_name.as_deref(), Some("Ana"));
        assert_eq!(values.agent_name.as_deref(), Some("Mihai"));
        assert_eq!(values.page_name.as_deref(), Some("Northwind"));
        assert_eq!(Values::for_conversation(Some("Անի Պետրոսյան"), None, None).first_name.as_deref(), Some("Անի"));
        assert_eq!(Values::for_conversation(Some("प्रिया शर्मा"), None, None).first_name.as_deref(), Some("प्रिया"));
    }

    #[test]
    fn handles_and_blanks_give_no_value() {
        assert_eq!(Values::for_conversation(Some("ana.popescu92"), Some(""), Some("  ")), Values::default());
        assert_eq!(Values::for_conversation(None, None, None), Values::default());
    }

    #[test]
    fn blank_fields_are_missing() {
        let values =
            Values { fields: vec![("Date".into(), " ".into()), ("Order".into(), "A-1".into())], ..Values::default() };
        assert_eq!(values.field("Date"), None);
        assert_eq!(values.field("Order"), Some("A-1"));
        assert_eq!(values.field("order"), None);
    }
}
