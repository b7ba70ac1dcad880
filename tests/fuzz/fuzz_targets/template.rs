//! A template body parsed and rendered with any values: parsing never panics and an error
//! points inside the body; rendering is deterministic and puts the caret on a character
//! boundary of the rendered text. The same text, typed in the composer, goes to the
//! picker: a slash query at its end searches the default pack, which never panics, is
//! deterministic and names templates of the pack only.
#![no_main]

use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use reply_coach::template::{parse, slash_query, Library, SearchIndex, SearchPreferences, Values, DEFAULT_PACK};
use reply_coach::Language;
use reply_coach_fuzz::{pick, split};

/// The default pack and its index, built once: the picker builds it once per library.
fn pack() -> &'static (Library, SearchIndex) {
    static PACK: OnceLock<(Library, SearchIndex)> = OnceLock::new();
    PACK.get_or_init(|| {
        let library = Library::from_json(DEFAULT_PACK).expect("the default pack is valid");
        let index = SearchIndex::new(&library);
        (library, index)
    })
}

fuzz_target!(|data: &[u8]| {
    let (text, mut u) = split(data);
    search(&text, &mut u);
    let parsed = match parse(&text) {
        Ok(parsed) => parsed,
        Err(error) => {
            let length = text.chars().count();
            return assert!(error.position < length, "{error:?} in {length} characters: {text:?}");
        }
    };
    let Ok((first_name, agent_name, page_name, fields)) = Arbitrary::arbitrary_take_rest(u) else { return };
    let mut values = Values { first_name, agent_name, page_name, fields };
    // The fields the body asks for, filled from the values given, so renders reach them.
    for (label, (_, value)) in parsed.fields().into_iter().zip(values.fields.clone()) {
        values.fields.push((label.to_string(), value));
    }
    let rendered = parsed.render(&values);
    assert!(rendered.text.is_char_boundary(rendered.cursor), "{rendered:?} of {text:?}");
    assert_eq!(parsed.render(&values), rendered, "rendering {text:?} twice");
});

/// The picker's search for the slash query at the end of `text`, if it ends with one (a
/// `/` starting its last line, at most 40 characters): the search costs the query's words
/// times the library's, so only texts shaped as queries pay it.
fn search(text: &str, u: &mut Unstructured) {
    let Some(query) = slash_query(text, text.len()).map(|slash| slash.query) else { return };
    let (library, index) = pack();
    let mut preferences = SearchPreferences {
        language: pick(u, &[None, Some(Language::En), Some(Language::Ro), Some(Language::Hy), Some(Language::Hi)])
            .map_or(None, |language| *language),
        ..SearchPreferences::default()
    };
    if let Ok(used) = pick(u, &library.templates) {
        preferences.usage.insert(used.id.clone(), u32::arbitrary(u).unwrap_or_default());
    }
    let matches = index.search(query, &preferences);
    assert!(matches.iter().all(|m| m.index < library.templates.len()), "{matches:?} for {query:?}");
    assert_eq!(index.search(query, &preferences), matches, "searching {query:?} twice");
}
