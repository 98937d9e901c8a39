//! The employer quota of Law 68/1999 (*quota di riserva*): how many people an
//! employer must employ from the Collocamento Mirato lists, given the number of
//! its computable employees.
//!
//! - **Art. 3 c.1** (people with disabilities, art. 1 of the law): fewer than 15
//!   employees → none; 15–35 → 1; 36–50 → 2; more than 50 → 7% of the employees.
//! - **Art. 18 c.2** (protected categories: orphans and surviving spouses,
//!   refugees, victims of terrorism and organised crime, …): 51–150 employees →
//!   1; more than 150 → 1% of the employees; otherwise none.
//! - **Rounding** (DPR 333/2000 art. 3 c.3): for employers with more than 50
//!   employees "le frazioni percentuali superiori allo 0,50 sono considerate
//!   unità" — a fraction *above* one half counts as one more person, a fraction
//!   of exactly one half or less is dropped. The arithmetic is on integers, so no
//!   floating-point rounding can move a boundary.
//!
//! The input is the number of **computable** employees, not the head count. Art.
//! 4 of the law leaves some workers out of the base (among them workers already
//! hired under this law, fixed-term workers hired for up to six months,
//! managers, agency workers at the user firm, workers employed abroad for that
//! work), art. 5 excludes some staff in particular sectors, and part-time workers
//! count in proportion to their hours. Working out that base, and exemptions or
//! compensation between sites, is the employer's declaration (*prospetto
//! informativo*), not this module.

use serde::Serialize;

/// How many people the employer must employ under each article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Quota {
    /// People with disabilities (art. 1), quota of art. 3.
    pub art1: u32,
    /// Protected categories (art. 18 c.2).
    pub art18: u32,
}

impl Quota {
    /// Both quotas together.
    pub fn total(self) -> u32 {
        self.art1 + self.art18
    }
}

/// The quota for an employer with `employees` computable employees (see the
/// module documentation for the rules and what "computable" means).
pub fn required_hires(employees: u32) -> Quota {
    let art1 = match employees {
        0..=14 => 0,
        15..=35 => 1,
        36..=50 => 2,
        _ => percent_of(7, employees),
    };
    let art18 = match employees {
        0..=50 => 0,
        51..=150 => 1,
        _ => percent_of(1, employees),
    };
    Quota { art1, art18 }
}

/// `percent`% of `employees`, where a fraction above 0.50 counts as one.
fn percent_of(percent: u64, employees: u32) -> u32 {
    let hundredths = percent * u64::from(employees);
    let (whole, remainder) = (hundredths / 100, hundredths % 100);
    let rounded = if remainder * 2 > 100 { whole + 1 } else { whole };
    // At most 7% of u32::MAX, plus one: always fits.
    u32::try_from(rounded).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn art1_quota_at_every_boundary() {
        // (employees, expected art. 1 quota, how it is reached)
        let table: &[(u32, u32)] = &[
            (0, 0),    // no employees
            (14, 0),   // fewer than 15
            (15, 1),   // 15–35 → 1
            (35, 1),   //
            (36, 2),   // 36–50 → 2
            (50, 2),   //
            (51, 4),   // 7% of 51 = 3.57 → fraction .57 > .50 → 4
            (57, 4),   // 7% of 57 = 3.99 → 4
            (58, 4),   // 7% of 58 = 4.06 → fraction dropped → 4
            (64, 4),   // 7% of 64 = 4.48 → 4
            (65, 5),   // 7% of 65 = 4.55 → 5
            (100, 7),  // 7% of 100 = 7.00
            (150, 10), // 7% of 150 = 10.50 → exactly one half is not "above" → 10
            (151, 11), // 7% of 151 = 10.57 → 11
            (200, 14), // 7% of 200 = 14.00
            (250, 17), // 7% of 250 = 17.50 → 17
            (251, 18), // 7% of 251 = 17.57 → 18
            (1000, 70),
            (1008, 71),              // 7% of 1008 = 70.56 → 71
            (u32::MAX, 300_647_711), // 7 × 4_294_967_295 = 30_064_771_065 → 300_647_710.65 → …711
        ];
        for &(employees, art1) in table {
            assert_eq!(required_hires(employees).art1, art1, "{employees} employees");
        }
    }

    #[test]
    fn art18_quota_at_every_boundary() {
        let table: &[(u32, u32)] = &[
            (0, 0),
            (15, 0),
            (50, 0),                // 50 or fewer → none
            (51, 1),                // 51–150 → 1
            (100, 1),               //
            (150, 1),               //
            (151, 2),               // 1% of 151 = 1.51 → fraction .51 > .50 → 2
            (200, 2),               // 1% of 200 = 2.00
            (250, 2),               // 1% of 250 = 2.50 → exactly one half → 2
            (251, 3),               // 1% of 251 = 2.51 → 3
            (1000, 10),             // 1% of 1000 = 10.00
            (1050, 10),             // 10.50 → 10
            (1051, 11),             // 10.51 → 11
            (u32::MAX, 42_949_673), // 42_949_672.95 → 42_949_673
        ];
        for &(employees, art18) in table {
            assert_eq!(required_hires(employees).art18, art18, "{employees} employees");
        }
    }

    #[test]
    fn quota_never_decreases_as_employees_grow() {
        let mut previous = required_hires(0);
        for employees in 1..=5000 {
            let quota = required_hires(employees);
            assert!(
                quota.art1 >= previous.art1 && quota.art18 >= previous.art18,
                "{employees}"
            );
            previous = quota;
        }
    }

    #[test]
    fn total_and_json() {
        let quota = required_hires(151);
        assert_eq!(quota, Quota { art1: 11, art18: 2 });
        assert_eq!(quota.total(), 13);
        assert_eq!(serde_json::to_string(&quota).unwrap(), r#"{"art1":11,"art18":2}"#);
    }
}
