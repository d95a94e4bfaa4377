//! Clock times as subtitle and transcript files write them: `01:02:03,456`, `1:02.5`, `02:03`.
//!
//! Subtitle files hold two on every cue, so this is on the loader's hot path: the common
//! shapes are read as integers, without the general float parser.

/// `01:02:03,456`, `01:02:03.456`, `02:03.456` as seconds: one or two units of at most four
/// digits, then seconds with an optional decimal comma (SRT) or point.
pub fn clock(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    if let Some(seconds) = subtitle_clock(bytes) {
        return Some(seconds);
    }
    let colon = memchr::memrchr(b':', bytes)?;
    let mut minutes = 0u64;
    for (index, unit) in bytes[..colon].split(|&b| b == b':').enumerate() {
        let is_unit = !unit.is_empty() && unit.len() <= 4 && unit.iter().all(u8::is_ascii_digit);
        if index >= 2 || !is_unit {
            return None;
        }
        minutes = minutes * 60 + integer(unit);
    }
    let seconds = &text[colon + 1..];
    let Some((scaled, places)) = scaled_decimal(seconds.as_bytes()) else {
        return Some(minutes as f64 * 60.0 + float(seconds)?);
    };
    // The whole clock as one count of its smallest written unit, divided once: both numbers
    // are exact in a double, so the one rounding gives the double nearest to what was written.
    let total = (minutes * 60)
        .checked_mul(10u64.pow(places as u32))
        .and_then(|whole| whole.checked_add(scaled))
        .filter(|&total| total < 1 << f64::MANTISSA_DIGITS);
    Some(match total {
        Some(total) => total as f64 / EXACT_POWERS_OF_TEN[places],
        None => minutes as f64 * 60.0 + scaled as f64 / EXACT_POWERS_OF_TEN[places],
    })
}

/// `HH:MM:SS,mmm` or `HH:MM:SS.mmm`, the shape of nearly every subtitle time, read at its
/// fixed places. It gives what the general path gives, only sooner.
fn subtitle_clock(bytes: &[u8]) -> Option<f64> {
    let &[h1, h2, b':', m1, m2, b':', s1, s2, b',' | b'.', f1, f2, f3] = bytes else {
        return None;
    };
    let digits = [h1, h2, m1, m2, s1, s2, f1, f2, f3];
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let [h, m, s] = [[h1, h2], [m1, m2], [s1, s2]].map(|pair| integer(&pair));
    let milliseconds = ((h * 60 + m) * 60 + s) * 1000 + integer(&[f1, f2, f3]);
    Some(milliseconds as f64 / 1000.0)
}

/// Powers of ten that a double holds exactly.
const EXACT_POWERS_OF_TEN: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// Digits with an optional decimal comma or point (`02,399`), as the digits read as one
/// integer and the number of decimal places; `None` for other shapes or too many digits.
fn scaled_decimal(bytes: &[u8]) -> Option<(u64, usize)> {
    let (whole, fraction) = match bytes.iter().position(|&b| b == b',' || b == b'.') {
        Some(at) => (&bytes[..at], &bytes[at + 1..]),
        None => (bytes, &[][..]),
    };
    let digits = whole.len() + fraction.len();
    let all_digits = whole.iter().chain(fraction).all(u8::is_ascii_digit);
    (!whole.is_empty() && digits < EXACT_POWERS_OF_TEN.len() && all_digits).then(|| {
        (
            integer(whole) * 10u64.pow(fraction.len() as u32) + integer(fraction),
            fraction.len(),
        )
    })
}

/// The value of at most fifteen ASCII digits.
fn integer(digits: &[u8]) -> u64 {
    digits
        .iter()
        .fold(0, |value, digit| value * 10 + u64::from(digit - b'0'))
}

/// Any other way a number of seconds may be written (`.5`, `1e1`), with a decimal comma read
/// as a point; finite and not negative.
fn float(text: &str) -> Option<f64> {
    let mut buffer = [0u8; 32];
    let written = buffer.get_mut(..text.len())?;
    for (to, &from) in written.iter_mut().zip(text.as_bytes()) {
        *to = if from == b',' { b'.' } else { from };
    }
    std::str::from_utf8(written)
        .ok()?
        .parse()
        .ok()
        .filter(|s: &f64| s.is_finite() && *s >= 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks() {
        assert_eq!(clock("00:00:02,399"), Some(2.399));
        assert_eq!(clock("01:02.5"), Some(62.5));
        assert_eq!(clock("1:02:03.456"), Some(3723.456));
        assert_eq!(clock("0:00:14.2"), Some(14.2));
        assert_eq!(clock("02:03"), Some(123.0));
        assert_eq!(clock("00:.5"), Some(0.5));
        assert_eq!(clock("01:02:03.456"), Some(3723.456));
        assert_eq!(clock("99:59:59,999"), Some(359_999.999));
        // Adding the seconds to the minutes as floats gave 119.32900000000001.
        assert_eq!(clock("00:01:59,329"), Some(119.329));
        assert_eq!(clock("1:xx:00"), None);
        assert_eq!(clock("00:0x:00,000"), None);
        assert_eq!(clock("1:2:3:4"), None);
        assert_eq!(clock("12345:00"), None);
        assert_eq!(
            clock("9999:59:59.999999999999"),
            Some(9999.0 * 3600.0 + 3599.0 + 0.999999999999)
        );
        assert_eq!(clock("00:-1"), None);
    }

    #[test]
    fn the_integer_path_rounds_as_parsing_the_decimal_does() {
        for seconds in ["02,399", "59.999", "0.1", "7.000001", "12.3456789"] {
            let expected: f64 = seconds.replace(',', ".").parse().unwrap();
            assert_eq!(clock(&format!("00:{seconds}")), Some(expected), "{seconds}");
        }
    }
}
