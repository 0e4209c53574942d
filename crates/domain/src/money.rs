//! Money is integer pence, never floating point.

use crate::DomainError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pence(i64);

/// The largest single amount we accept (£10 million): far above any honorarium, far below overflow.
pub const MAX_PENCE: i64 = 1_000_000_000;

impl Pence {
    pub fn parse(field: &str, value: i64) -> Result<Self, DomainError> {
        if value < 0 {
            return Err(DomainError::field(field, "Enter an amount of zero or more"));
        }
        if value > MAX_PENCE {
            return Err(DomainError::field(
                field,
                "Enter an amount of £10,000,000 or less",
            ));
        }
        Ok(Pence(value))
    }
    pub fn zero() -> Self {
        Pence(0)
    }
    pub fn get(self) -> i64 {
        self.0
    }
    /// `self × n`, refusing overflow.
    pub fn times(self, n: u32) -> Option<Pence> {
        self.0.checked_mul(n as i64).map(Pence)
    }
}

impl std::fmt::Display for Pence {
    /// `£5,000.00`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pounds = self.0 / 100;
        let pennies = self.0 % 100;
        let digits = pounds.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        write!(f, "£{grouped}.{pennies:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_and_huge_amounts_are_refused_by_field() {
        assert_eq!(
            Pence::parse("honorariumPence", -1).unwrap_err().fields[0].field,
            "honorariumPence"
        );
        assert!(Pence::parse("x", MAX_PENCE + 1).is_err());
        assert_eq!(Pence::parse("x", 500_000).unwrap().get(), 500_000);
    }

    #[test]
    fn display_groups_thousands() {
        assert_eq!(Pence::parse("x", 500_000).unwrap().to_string(), "£5,000.00");
        assert_eq!(Pence::parse("x", 166_667).unwrap().to_string(), "£1,666.67");
        assert_eq!(Pence::zero().to_string(), "£0.00");
    }

    #[test]
    fn times_multiplies_places() {
        let h = Pence::parse("x", 500_000).unwrap();
        assert_eq!(h.times(5), Some(Pence(2_500_000)));
    }
}
