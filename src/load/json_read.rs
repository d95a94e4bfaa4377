//! A JSON file read in one pass into a tree that borrows its strings from the text wherever
//! they have no escapes: `serde_json::Value` allocates every key and string, which took half
//! the time of loading a JSON transcript.

use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

#[derive(Debug)]
pub enum Value<'a> {
    Text(Cow<'a, str>),
    Number(serde_json::Number),
    List(Vec<Value<'a>>),
    Object(Object<'a>),
    /// `true`, `false` or `null`.
    Other,
}

/// An object's members as written, in order.
#[derive(Debug)]
pub struct Object<'a>(pub Vec<(Cow<'a, str>, Value<'a>)>);

impl<'a> Object<'a> {
    /// The member named `key`; of several, the last, as `serde_json::Map` keeps.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.0
            .iter()
            .rev()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }
}

/// Reads `text`, failing as a JSON parser does, with the line and column of the problem.
pub fn read(text: &str) -> Result<Value<'_>, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = Value::deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

impl<'de> Deserialize<'de> for Value<'de> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

/// An object key, borrowed unless it has escapes.
#[derive(Deserialize)]
struct Name<'a>(#[serde(borrow)] Cow<'a, str>);

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(Value::Text(Cow::Borrowed(text)))
    }

    fn visit_str<E>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Value::Text(Cow::Owned(text.to_string())))
    }

    fn visit_string<E>(self, text: String) -> Result<Self::Value, E> {
        Ok(Value::Text(Cow::Owned(text)))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Self::Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Self::Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Self::Value, E> {
        Ok(serde_json::Number::from_f64(n).map_or(Value::Other, Value::Number))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Value::Other)
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Value::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut members = Vec::with_capacity(map.size_hint().unwrap_or(0));
        while let Some(Name(name)) = map.next_key()? {
            members.push((name, map.next_value()?));
        }
        Ok(Value::Object(Object(members)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_borrowed_unless_escaped() {
        let text = r#"{"title": "T\u00e9", "n": 2.5, "ok": true,
            "segments": [{"speaker": "A", "body": "Hi."}, 5], "n": 3}"#;
        let Value::Object(top) = read(text).unwrap() else {
            panic!("an object")
        };
        assert!(matches!(top.get("title"), Some(Value::Text(Cow::Owned(t))) if t == "Té"));
        assert!(matches!(top.get("n"), Some(Value::Number(n)) if n.to_string() == "3"));
        assert!(matches!(top.get("ok"), Some(Value::Other)));
        let Some(Value::List(entries)) = top.get("segments") else {
            panic!("a list")
        };
        let Value::Object(first) = &entries[0] else {
            panic!("an object")
        };
        assert!(matches!(
            first.get("body"),
            Some(Value::Text(Cow::Borrowed("Hi.")))
        ));
        assert!(matches!(entries[1], Value::Number(_)));
    }

    #[test]
    fn errors_say_where() {
        let error = read("{\"segments\": [1,").unwrap_err();
        assert!(error.to_string().contains("line 1"), "{error}");
        assert!(read("[1] x").is_err());
    }
}
