//! Tests of the slot arithmetic, on the opening pattern of the Lecce-area
//! centres: Monday to Friday 08:30–11:30, Tuesday also 15:00–16:30.

use super::*;
use chrono::{NaiveTime, Weekday};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn hm(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

fn period(weekday: u8, opens: &str, closes: &str) -> OpeningHours {
    OpeningHours {
        weekday,
        opens: hm(opens),
        closes: hm(closes),
        by_appointment: false,
    }
}

fn lecce_hours() -> Vec<OpeningHours> {
    let mut hours: Vec<OpeningHours> = (1..=5).map(|day| period(day, "08:30", "11:30")).collect();
    hours.push(OpeningHours {
        by_appointment: true,
        ..period(2, "15:00", "16:30")
    });
    hours
}

fn rules(duration_minutes: u32) -> SlotRules {
    SlotRules {
        duration_minutes,
        min_notice_minutes: 60,
        max_days_ahead: 14,
    }
}

/// Local start times of a day's slots, as `HH:MM`.
fn starts(slots: &[Slot]) -> Vec<String> {
    slots
        .iter()
        .map(|s| s.local_start().format("%H:%M").to_string())
        .collect()
}

const NO_CLOSURES: &[Closure] = &[];
const NO_PATRONS: &[PatronDay] = &[];

#[test]
fn thirty_minute_service() {
    let hours = lecce_hours();
    let cal = Calendar {
        hours: &hours,
        closures: NO_CLOSURES,
        patron_days: NO_PATRONS,
        dated: &[],
        part_closures: &[],
        service: None,
    };
    let monday = date("2026-05-04");
    assert_eq!(monday.weekday(), Weekday::Mon);
    let slots = cal.day_slots(monday, &rules(30)).unwrap();
    assert_eq!(starts(&slots), ["08:30", "09:00", "09:30", "10:00", "10:30", "11:00"]);
    for slot in &slots {
        assert_eq!(slot.end - slot.start, Duration::minutes(30));
        assert_eq!(slot.local_end() - slot.local_start(), Duration::minutes(30));
    }
    assert_eq!(slots[5].local_end().format("%H:%M").to_string(), "11:30");
    let tuesday = cal.day_slots(date("2026-05-05"), &rules(30)).unwrap();
    assert_eq!(
        starts(&tuesday),
        [
            "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "15:00", "15:30", "16:00"
        ]
    );
}

#[test]
fn forty_five_minute_service() {
    let hours = lecce_hours();
    let cal = Calendar {
        hours: &hours,
        closures: NO_CLOSURES,
        patron_days: NO_PATRONS,
        dated: &[],
        part_closures: &[],
        service: None,
    };
    let monday = cal.day_slots(date("2026-05-04"), &rules(45)).unwrap();
    assert_eq!(starts(&monday), ["08:30", "09:15", "10:00", "10:45"]);
    let tuesday = cal.day_slots(date("2026-05-05"), &rules(45)).unwrap();
    assert_eq!(starts(&tuesday), ["08:30", "09:15", "10:00", "10:45", "15:00", "15:45"]);
    // A period shorter than one appointment gives no slot, and a zero duration none.
    assert_eq!(cal.day_slots(date("2026-05-04"), &rules(181)).unwrap(), []);
    assert_eq!(cal.day_slots(date("2026-05-04"), &rules(0)).unwrap(), []);
    assert_eq!(
        starts(&cal.day_slots(date("2026-05-04"), &rules(180)).unwrap()),
        ["08:30"]
    );
}

#[test]
fn periods_may_come_in_any_order_and_overlap() {
    let hours = [
        period(3, "15:00", "16:00"),
        period(3, "09:00", "10:00"),
        period(3, "09:00", "10:00"),
    ];
    let cal = Calendar {
        hours: &hours,
        closures: NO_CLOSURES,
        patron_days: NO_PATRONS,
        dated: &[],
        part_closures: &[],
        service: None,
    };
    let slots = cal.day_slots(date("2026-05-06"), &rules(30)).unwrap();
    assert_eq!(starts(&slots), ["09:00", "09:30", "15:00", "15:30"]);
}

#[test]
fn holidays_patron_days_closures_and_weekends() {
    let hours = lecce_hours();
    let closures = [
        Closure {
            first_day: date("2026-08-10"),
            last_day: date("2026-08-14"),
            reason: "Chiusura estiva".to_owned(),
        },
        Closure {
            first_day: date("2026-06-01"),
            last_day: date("2026-06-03"),
            reason: "Lavori".to_owned(),
        },
    ];
    let patrons = [PatronDay::parse("05-06", "San Prova").unwrap()];
    let cal = Calendar {
        hours: &hours,
        closures: &closures,
        patron_days: &patrons,
        dated: &[],
        part_closures: &[],
        service: None,
    };
    let r = rules(30);
    let closed = |d: &str| cal.day_slots(date(d), &r).err();
    assert_eq!(closed("2026-04-06"), Some(DayClosed::Holiday(Holiday::EasterMonday)));
    assert_eq!(closed("2026-05-01"), Some(DayClosed::Holiday(Holiday::Labour)));
    assert_eq!(
        closed("2026-12-08"),
        Some(DayClosed::Holiday(Holiday::ImmaculateConception))
    );
    assert_eq!(closed("2027-10-04"), Some(DayClosed::Holiday(Holiday::SaintFrancis)));
    assert_eq!(closed("2026-05-06"), Some(DayClosed::Patron("San Prova".to_owned())));
    assert_eq!(closed("2027-05-06"), Some(DayClosed::Patron("San Prova".to_owned())));
    for d in ["2026-08-10", "2026-08-12", "2026-08-14"] {
        assert_eq!(closed(d), Some(DayClosed::Closure("Chiusura estiva".to_owned())), "{d}");
    }
    assert_eq!(closed("2026-08-07"), None);
    assert_eq!(closed("2026-08-17"), None);
    // A holiday inside a closure is told as the holiday.
    assert_eq!(closed("2026-06-02"), Some(DayClosed::Holiday(Holiday::Republic)));
    assert_eq!(closed("2026-06-03"), Some(DayClosed::Closure("Lavori".to_owned())));
    // Saturday and Sunday have no hours; Easter Sunday is told as Easter.
    assert_eq!(closed("2026-05-09"), Some(DayClosed::Weekday));
    assert_eq!(closed("2026-05-10"), Some(DayClosed::Weekday));
    assert_eq!(closed("2026-04-05"), Some(DayClosed::Holiday(Holiday::Easter)));
    // closed_reason says the same without building slots.
    assert_eq!(
        cal.closed_reason(date("2026-04-06")),
        Some(DayClosed::Holiday(Holiday::EasterMonday))
    );
    assert_eq!(cal.closed_reason(date("2026-05-09")), Some(DayClosed::Weekday));
    assert_eq!(cal.closed_reason(date("2026-05-04")), None);
    assert_eq!(cal.closed_reason(date("2026-04-07")), None);
}

#[test]
fn patron_day_on_29_february() {
    let hours = [period(2, "09:00", "10:00"), period(4, "09:00", "10:00")];
    let patrons = [PatronDay::parse("29/02", "San Bisesto").unwrap()];
    let cal = Calendar {
        hours: &hours,
        closures: NO_CLOSURES,
        patron_days: &patrons,
        dated: &[],
        part_closures: &[],
        service: None,
    };
    // 29 February 2028 is a Tuesday; in 2029, a common year, Thursday 1 March
    // stays open.
    assert_eq!(
        cal.closed_reason(date("2028-02-29")),
        Some(DayClosed::Patron("San Bisesto".to_owned()))
    );
    assert_eq!(cal.closed_reason(date("2029-03-01")), None);
}

#[test]
fn bookable_slots_respect_notice_and_window() {
    let hours = lecce_hours();
    let cal = Calendar {
        hours: &hours,
        closures: NO_CLOSURES,
        patron_days: NO_PATRONS,
        dated: &[],
        part_closures: &[],
        service: None,
    };
    let r = rules(30);
    // Monday 4 May 2026, 09:05 in Rome (summer time): with an hour's notice
    // the first bookable slot is 10:30.
    let now = utc("2026-05-04T07:05:00Z");
    assert_eq!(
        starts(&cal.bookable_slots(date("2026-05-04"), &r, now).unwrap()),
        ["10:30", "11:00"]
    );
    // Exactly an hour before a slot is still enough.
    let now_exact = utc("2026-05-04T07:30:00Z");
    assert_eq!(
        starts(&cal.bookable_slots(date("2026-05-04"), &r, now_exact).unwrap()),
        ["10:30", "11:00"]
    );
    // Later that morning nothing is left, but the day is open.
    assert_eq!(
        cal.bookable_slots(date("2026-05-04"), &r, utc("2026-05-04T09:00:00Z")),
        Ok(vec![])
    );
    assert_eq!(cal.bookable_slots(date("2026-05-05"), &r, now).unwrap().len(), 9);
    assert_eq!(cal.bookable_slots(date("2026-05-01"), &r, now), Err(DayClosed::Past));
    assert_eq!(cal.bookable_slots(date("2026-05-03"), &r, now), Err(DayClosed::Past));
    // The window ends 14 days after today, that day included.
    assert_eq!(cal.bookable_slots(date("2026-05-18"), &r, now).unwrap().len(), 6);
    assert_eq!(cal.bookable_slots(date("2026-05-19"), &r, now), Err(DayClosed::TooFar));
    // A closed day inside the window tells why.
    assert_eq!(cal.bookable_slots(date("2026-05-09"), &r, now), Err(DayClosed::Weekday));
    // Today is Rome's: at 23:30 UTC on 3 May it is already 4 May in Rome.
    let late = utc("2026-05-03T23:30:00Z");
    assert_eq!(cal.bookable_slots(date("2026-05-03"), &r, late), Err(DayClosed::Past));
    assert_eq!(cal.bookable_slots(date("2026-05-04"), &r, late).unwrap().len(), 6);
    assert_eq!(cal.bookable_slots(date("2026-05-18"), &r, late).unwrap().len(), 6);
}

#[test]
fn check_slot_refuses_what_cannot_be_booked() {
    let hours = lecce_hours();
    let cal = Calendar {
        hours: &hours,
        closures: NO_CLOSURES,
        patron_days: NO_PATRONS,
        dated: &[],
        part_closures: &[],
        service: None,
    };
    let r = rules(30);
    let now = utc("2026-05-04T07:05:00Z");
    // Tuesday 5 May 09:00 in Rome is 07:00 UTC.
    let slot = cal.check_slot(utc("2026-05-05T07:00:00Z"), &r, now).unwrap();
    assert_eq!(slot.end, utc("2026-05-05T07:30:00Z"));
    assert_eq!(slot.local_start().format("%H:%M").to_string(), "09:00");
    assert!(cal.check_slot(utc("2026-05-05T13:00:00Z"), &r, now).is_ok());
    assert!(cal.check_slot(utc("2026-05-04T08:30:00Z"), &r, now).is_ok());
    assert!(cal.check_slot(utc("2026-05-18T06:30:00Z"), &r, now).is_ok());
    for (start, problem) in [
        ("2026-05-04T07:00:00Z", SlotProblem::InPast),
        ("2026-05-01T07:00:00Z", SlotProblem::InPast),
        ("2026-05-04T08:00:00Z", SlotProblem::TooSoon),
        ("2026-05-19T07:00:00Z", SlotProblem::TooFar),
        ("2026-05-09T07:00:00Z", SlotProblem::Closed(DayClosed::Weekday)),
        // 09:10, 11:30 (the closing time), and 15:00 on a Monday.
        ("2026-05-05T07:10:00Z", SlotProblem::NotAligned),
        ("2026-05-05T09:30:00Z", SlotProblem::NotAligned),
        ("2026-05-11T13:00:00Z", SlotProblem::NotAligned),
        ("2026-05-05T07:00:30Z", SlotProblem::NotAligned),
    ] {
        assert_eq!(cal.check_slot(utc(start), &r, now), Err(problem), "{start}");
    }
    // Republic Day, seen a week before.
    assert_eq!(
        cal.check_slot(utc("2026-06-02T07:00:00Z"), &r, utc("2026-05-25T07:00:00Z")),
        Err(SlotProblem::Closed(DayClosed::Holiday(Holiday::Republic)))
    );
    // Easter Monday, seen from Easter week.
    let easter_week = utc("2026-03-31T07:00:00Z");
    assert_eq!(
        cal.check_slot(utc("2026-04-06T07:00:00Z"), &r, easter_week),
        Err(SlotProblem::Closed(DayClosed::Holiday(Holiday::EasterMonday)))
    );
}

#[test]
fn winter_and_summer_times() {
    let mut hours = lecce_hours();
    hours.push(period(7, "08:30", "11:30"));
    let cal = Calendar {
        hours: &hours,
        closures: NO_CLOSURES,
        patron_days: NO_PATRONS,
        dated: &[],
        part_closures: &[],
        service: None,
    };
    let r = rules(30);
    let nine = |d: &str| {
        cal.day_slots(date(d), &r)
            .unwrap()
            .into_iter()
            .find(|s| s.local_start().format("%H:%M").to_string() == "09:00")
            .unwrap()
            .start
    };
    assert_eq!(nine("2026-12-07"), utc("2026-12-07T08:00:00Z"));
    assert_eq!(nine("2026-07-06"), utc("2026-07-06T07:00:00Z"));
    // The switch Sundays (open on Sunday here) and the Mondays after them.
    assert_eq!(nine("2026-03-29"), utc("2026-03-29T07:00:00Z"));
    assert_eq!(nine("2026-03-30"), utc("2026-03-30T07:00:00Z"));
    assert_eq!(nine("2026-10-25"), utc("2026-10-25T08:00:00Z"));
    assert_eq!(nine("2026-10-26"), utc("2026-10-26T08:00:00Z"));
    let first = cal.day_slots(date("2026-03-30"), &r).unwrap()[0];
    assert_eq!(first.start, utc("2026-03-30T06:30:00Z"));
    let first = cal.day_slots(date("2026-10-26"), &r).unwrap()[0];
    assert_eq!(first.start, utc("2026-10-26T07:30:00Z"));
    // Booking across the switch: from Friday 23 October (summer time) a Monday
    // 26 October 09:00 slot is 08:00 UTC.
    let friday = utc("2026-10-23T10:00:00Z");
    assert!(cal.check_slot(utc("2026-10-26T08:00:00Z"), &r, friday).is_ok());
    assert_eq!(
        cal.check_slot(utc("2026-10-26T07:00:00Z"), &r, friday),
        Err(SlotProblem::NotAligned)
    );
}

#[test]
fn a_night_period_across_the_spring_switch() {
    // Not a real office: 01:00–04:00 on the night the clocks go forward. The
    // wall-clock 02:00 does not exist, so its slot is dropped.
    let hours = [period(7, "01:00", "04:00")];
    let cal = Calendar {
        hours: &hours,
        closures: NO_CLOSURES,
        patron_days: NO_PATRONS,
        dated: &[],
        part_closures: &[],
        service: None,
    };
    let slots = cal.day_slots(date("2026-03-29"), &rules(60)).unwrap();
    assert_eq!(
        slots,
        [
            Slot {
                start: utc("2026-03-29T00:00:00Z"),
                end: utc("2026-03-29T01:00:00Z"),
            },
            Slot {
                start: utc("2026-03-29T01:00:00Z"),
                end: utc("2026-03-29T02:00:00Z"),
            },
        ]
    );
}

#[test]
fn next_open_days_skip_closed_and_full_days() {
    let hours = lecce_hours();
    let closures = [Closure {
        first_day: date("2026-05-12"),
        last_day: date("2026-05-13"),
        reason: "Inventario".to_owned(),
    }];
    let cal = Calendar {
        hours: &hours,
        closures: &closures,
        patron_days: NO_PATRONS,
        dated: &[],
        part_closures: &[],
        service: None,
    };
    let r = rules(30);
    // Monday 4 May at 11:00 in Rome: nothing left today with an hour's notice.
    let now = utc("2026-05-04T09:00:00Z");
    let days = cal.next_open_days(date("2026-05-01"), &r, now, 10);
    let expected = [
        "2026-05-05",
        "2026-05-06",
        "2026-05-07",
        "2026-05-08",
        "2026-05-11",
        "2026-05-14",
        "2026-05-15",
        "2026-05-18",
    ]
    .map(date);
    assert_eq!(days, expected);
    assert_eq!(cal.next_open_days(date("2026-05-01"), &r, now, 3), expected[..3]);
    assert_eq!(cal.next_open_days(date("2026-05-14"), &r, now, 10), expected[5..]);
    assert_eq!(cal.next_open_days(date("2026-05-19"), &r, now, 10), []);
    assert_eq!(cal.next_open_days(date("2026-05-01"), &r, now, 0), []);
    // Earlier that morning today still counts.
    let early = utc("2026-05-04T06:00:00Z");
    assert_eq!(
        cal.next_open_days(date("2026-05-04"), &r, early, 1),
        [date("2026-05-04")]
    );
    // No hours at all, or an absurd window, ends quickly.
    let none = Calendar {
        hours: &[],
        closures: NO_CLOSURES,
        patron_days: NO_PATRONS,
        dated: &[],
        part_closures: &[],
        service: None,
    };
    assert_eq!(none.next_open_days(date("2026-05-01"), &r, now, 10), []);
    let forever = SlotRules {
        max_days_ahead: u32::MAX,
        ..r
    };
    let closed_for_good = [Closure {
        first_day: date("2026-01-01"),
        last_day: NaiveDate::MAX,
        reason: "Chiuso".to_owned(),
    }];
    let gone = Calendar {
        hours: &hours,
        closures: &closed_for_good,
        patron_days: NO_PATRONS,
        dated: &[],
        part_closures: &[],
        service: None,
    };
    assert_eq!(gone.next_open_days(date("2026-05-01"), &forever, now, 10), []);
    assert_eq!(
        cal.next_open_days(date("2026-05-01"), &forever, now, 2),
        [date("2026-05-05"), date("2026-05-06")]
    );
}

#[test]
fn serializes_reasons_for_the_ui() {
    let reason = DayClosed::Holiday(Holiday::EasterMonday);
    assert_eq!(
        serde_json::to_string(&reason).unwrap(),
        r#"{"kind":"holiday","detail":"easter_monday"}"#
    );
    assert_eq!(
        serde_json::to_string(&DayClosed::Weekday).unwrap(),
        r#"{"kind":"weekday"}"#
    );
    assert_eq!(
        serde_json::to_string(&SlotProblem::Closed(DayClosed::Patron("San Prova".to_owned()))).unwrap(),
        r#"{"kind":"closed","detail":{"kind":"patron","detail":"San Prova"}}"#
    );
    assert_eq!(
        serde_json::to_string(&SlotProblem::NotAligned).unwrap(),
        r#"{"kind":"not_aligned"}"#
    );
    assert_eq!(reason.message_id(), "closed-holiday");
    assert_eq!(SlotProblem::TooSoon.message_id(), "slot-too-soon");
    let slot = Slot {
        start: utc("2026-05-05T07:00:00Z"),
        end: utc("2026-05-05T07:30:00Z"),
    };
    assert_eq!(
        serde_json::to_string(&slot).unwrap(),
        r#"{"start":"2026-05-05T07:00:00Z","end":"2026-05-05T07:30:00Z"}"#
    );
}

#[test]
fn dated_hours_open_only_their_day() {
    // A tour: no weekly hours, two stops (one on a holiday).
    let dated = [
        DatedHours {
            date: date("2026-12-09"),
            opens: hm("09:00"),
            closes: hm("10:00"),
        },
        DatedHours {
            date: date("2026-12-08"),
            opens: hm("09:00"),
            closes: hm("10:00"),
        },
    ];
    let cal = Calendar {
        hours: &[],
        closures: NO_CLOSURES,
        patron_days: NO_PATRONS,
        dated: &dated,
        part_closures: &[],
        service: None,
    };
    assert_eq!(
        starts(&cal.day_slots(date("2026-12-09"), &rules(30)).unwrap()),
        ["09:00", "09:30"]
    );
    assert_eq!(cal.day_slots(date("2026-12-10"), &rules(30)), Err(DayClosed::Weekday));
    assert_eq!(
        cal.day_slots(date("2026-12-08"), &rules(30)),
        Err(DayClosed::Holiday(crate::Holiday::ImmaculateConception)),
        "national holidays apply to stops too"
    );
    let now = utc("2026-12-07T09:00:00Z");
    assert_eq!(
        cal.next_open_days(date("2026-12-07"), &rules(30), now, 5),
        [date("2026-12-09")]
    );
    let later = utc("2026-12-10T09:00:00Z");
    assert!(cal.next_open_days(date("2026-12-10"), &rules(30), later, 5).is_empty());
}

#[test]
fn part_day_closures_take_the_slots_they_touch() {
    use crate::appointments::part_closures::{NewPartClosure, PartClosure, PartClosureId};
    use crate::centres::CentreId;
    let hours = lecce_hours();
    let closure = |service: Option<i64>, from: &str, to: &str| PartClosure {
        id: PartClosureId(1),
        data: NewPartClosure {
            centre: CentreId(1),
            service: service.map(ServiceId),
            start: utc(from),
            end: utc(to),
            reason: "Sala occupata".into(),
        },
    };
    // Monday 4 May 2026 (Rome is UTC+2): the whole centre 09:15–10:00,
    // service 7 from 10:30 to the end of the morning.
    let closures = [
        closure(None, "2026-05-04T07:15:00Z", "2026-05-04T08:00:00Z"),
        closure(Some(7), "2026-05-04T08:30:00Z", "2026-05-04T09:30:00Z"),
    ];
    let cal = |service| Calendar {
        hours: &hours,
        closures: NO_CLOSURES,
        patron_days: NO_PATRONS,
        dated: &[],
        part_closures: &closures,
        service,
    };
    let monday = date("2026-05-04");
    let seven = cal(Some(ServiceId(7))).day_slots(monday, &rules(30)).unwrap();
    assert_eq!(starts(&seven), ["08:30", "10:00"]);
    let other = cal(Some(ServiceId(8))).day_slots(monday, &rules(30)).unwrap();
    assert_eq!(starts(&other), ["08:30", "10:00", "10:30", "11:00"]);
    // The day stays open: only its slots go.
    assert_eq!(cal(Some(ServiceId(7))).closed_reason(monday), None);
    let start = utc("2026-05-04T07:30:00Z");
    assert_eq!(
        cal(Some(ServiceId(8))).check_slot(start, &rules(30), utc("2026-05-01T08:00:00Z")),
        Err(SlotProblem::NotAligned)
    );
}
