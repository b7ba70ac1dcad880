//! A template body parsed and rendered with any values: parsing never panics and an error
//! points inside the body; rendering is deterministic and puts the caret on a character
//! boundary of the rendered text.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use reply_coach::template::{parse, Values};
use reply_coach_fuzz::split;

fuzz_target!(|data: &[u8]| {
    let (body, u) = split(data);
    let parsed = match parse(&body) {
        Ok(parsed) => parsed,
        Err(error) => {
            let length = body.chars().count();
            return assert!(error.position < length, "{error:?} in {length} characters: {body:?}");
        }
    };
    let Ok((first_name, agent_name, page_name, fields)) = Arbitrary::arbitrary_take_rest(u) else { return };
    let mut values = Values { first_name, agent_name, page_name, fields };
    // The fields the body asks for, filled from the values given, so renders reach them.
    for (label, (_, value)) in parsed.fields().into_iter().zip(values.fields.clone()) {
        values.fields.push((label.to_string(), value));
    }
    let rendered = parsed.render(&values);
    assert!(rendered.text.is_char_boundary(rendered.cursor), "{rendered:?} of {body:?}");
    assert_eq!(parsed.render(&values), rendered, "rendering {body:?} twice");
});
