//! Table tests: sentence → the expressions found and their values; sentences with none.

use chrono::NaiveDate;

use super::find_times;
use crate::date::EdtfDate;

/// Tuesday 14 December 2021: the day after the seed article's call.
const P: &str = "2021-12-14";

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// The expressions of `text` as `(span text, value)`; every value must parse as EDTF.
fn tag(text: &str, published: &str) -> Vec<(String, String)> {
    find_times(text, day(published))
        .into_iter()
        .map(|t| {
            if let Err(e) = EdtfDate::parse(&t.value) {
                panic!("{text:?}: {} does not parse: {e}", t.value);
            }
            (text[t.start..t.end].to_string(), t.value)
        })
        .collect()
}

/// Runs a table, one case per line: `[@PUBLISHED] text | expression | value` (published P
/// when not given; `#` starts a comment line). The expression must be found with that value;
/// other expressions in the text are allowed. Every failure is listed at once.
fn check_table(table: &str) {
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in table.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (published, rest) = match line.strip_prefix('@') {
            Some(rest) => rest.split_once(' ').unwrap(),
            None => (P, line),
        };
        let parts: Vec<&str> = rest.split(" | ").collect();
        let [text, expression, value] = parts[..] else {
            panic!("a table line needs `text | expression | value`: {line}");
        };
        cases += 1;
        let found = tag(text, published);
        if !found.iter().any(|(t, v)| t == expression && v == value) {
            failures.push(format!(
                "{text:?} (published {published}): wanted {expression:?} → {value}, got {found:?}"
            ));
        }
    }
    assert!(cases > 0, "an empty table");
    assert!(
        failures.is_empty(),
        "{} of {cases} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn absolute_dates() {
    check_table(
        "
        The call happened on 13 December 2021. | 13 December 2021 | 2021-12-13
        It was signed Dec. 13, 2021, in Moscow. | Dec. 13, 2021 | 2021-12-13
        Talks began on December 13th, 2021. | December 13th, 2021 | 2021-12-13
        Talks began on December 13 2021 in Geneva. | December 13 2021 | 2021-12-13
        It was filed on 2021-12-13. | 2021-12-13 | 2021-12-13
        It was filed on 13 Dec 2021. | 13 Dec 2021 | 2021-12-13
        It was filed on the 13th of December 2021. | the 13th of December 2021 | 2021-12-13
        It was filed on 13th December. | 13th December | 2021-12-13
        Sales fell in December 2021. | December 2021 | 2021-12
        Sales fell in December, 2020. | December, 2020 | 2020-12
        Sales fell in December of 2020. | December of 2020 | 2020-12
        Sales fell in Sept. 2019. | Sept. 2019 | 2019-09
        Sales fell in 2019. | 2019 | 2019
        Sales fell in 1066 after the invasion. | 1066 | 1066
        Prices peaked in mid-1996. | mid-1996 | 1996-05/1996-08~
        Prices peaked in mid 1996. | mid 1996 | 1996-05/1996-08~
        Prices peaked in early 2008. | early 2008 | 2008-01/2008-04~
        Prices peaked in late 2008. | late 2008 | 2008-09/2008-12~
        Prices peaked at the end of 2008. | the end of 2008 | 2008-10/2008-12~
        Prices peaked at the beginning of 2008. | the beginning of 2008 | 2008-01/2008-03~
        Prices fell in the first half of 2008. | the first half of 2008 | 2008-01/2008-06
        Prices fell in the second half of 2008. | the second half of 2008 | 2008-07/2008-12
        It opened in early March 2008. | early March 2008 | 2008-03-01/2008-03-10~
        It opened in mid-March 2008. | mid-March 2008 | 2008-03-11/2008-03-20~
        It opened in late February 2008. | late February 2008 | 2008-02-21/2008-02-29~
        Growth was strong in the 1990s. | the 1990s | 1990/1999
        Growth was strong in the 1990's. | the 1990's | 1990/1999
        Growth was strong in the '90s. | the '90s | 1990/1999
        Growth was strong in the early 1990s. | the early 1990s | 1990/1993~
        Growth was strong in the mid-1990s. | the mid-1990s | 1994/1996~
        Growth was strong in the late 1990s. | the late 1990s | 1997/1999~
        The city grew in the 1800s. | the 1800s | 1800/1899
        The city grew in the 20th century. | the 20th century | 1901/2000
        The city grew in the nineteenth century. | the nineteenth century | 1801/1900
        The city grew in the twenty-first century. | the twenty-first century | 2001/2100
        It rained in the summer of 2008. | the summer of 2008 | 2008-06/2008-08
        It rained in spring 2008. | spring 2008 | 2008-03/2008-05
        It snowed in winter 2008. | winter 2008 | 2008-12/2009-02
        It rained in autumn 2008. | autumn 2008 | 2008-09/2008-11
        It rained in fall 2008. | fall 2008 | 2008-09/2008-11
        Profit rose in the first quarter of 2008. | the first quarter of 2008 | 2008-01/2008-03
        Profit rose in Q3 2008. | Q3 2008 | 2008-07/2008-09
        Profit rose in fiscal 2008. | fiscal 2008 | 2008
        Profit rose in FY2008. | FY2008 | 2008
        Profit rose in fiscal year 2008. | fiscal year 2008 | 2008
        The delivery is now expected around 2020. | around 2020 | 2020~
        Spain won Euro 2008 in Vienna. | 2008 | 2008
        The church was built c. 1900. | c. 1900 | 1900~
        Since its 1967 debut the jet sold well. | 1967 | 1967
        The 2018 local elections were annulled. | 2018 | 2018
        The 2008-era rules still apply. | 2008 | 2008
        ",
    );
}

#[test]
fn ranges() {
    check_table(
        "
        He served from 2001 to 2009. | 2001 to 2009 | 2001/2009
        He served 2001–2009. | 2001–2009 | 2001/2009
        He served 2001-2009. | 2001-2009 | 2001/2009
        He served 2001 -- 2009. | 2001 -- 2009 | 2001/2009
        He served between 2001 and 2009. | between 2001 and 2009 | 2001/2009
        Production moves by 2010-11. | 2010-11 | 2010/2011
        The season 2008/09 was long. | 2008/09 | 2008/2009
        The summit met on 11–12 December 2021. | 11–12 December 2021 | 2021-12-11/2021-12-12
        The summit met on 11-12 December. | 11-12 December | 2021-12-11/2021-12-12
        The summit met from 11 to 12 December. | 11 to 12 December | 2021-12-11/2021-12-12
        The summit met between 11 and 12 December. | between 11 and 12 December | 2021-12-11/2021-12-12
        The summit met December 11–12, 2021. | December 11–12, 2021 | 2021-12-11/2021-12-12
        Work ran March to May 2008. | March to May 2008 | 2008-03/2008-05
        Work ran between March and May 2008. | between March and May 2008 | 2008-03/2008-05
        Work ran between March and May. | between March and May | 2021-03/2021-05
        Work ran from March until May 2008. | March until May 2008 | 2008-03/2008-05
        The holiday ran 30 December 2021 to 2 January 2022. | 30 December 2021 to 2 January 2022 | 2021-12-30/2022-01-02
        The holiday will run from 30 December to 2 January 2022. | 30 December to 2 January 2022 | 2021-12-30/2022-01-02
        Prices rose from December 2020 to March 2021. | December 2020 to March 2021 | 2020-12/2021-03
        ",
    );
}

#[test]
fn relative_to_publication() {
    check_table(
        "
        The minister said it yesterday. | yesterday | 2021-12-13
        The minister says it today. | today | 2021-12-14
        The minister will say it tomorrow. | tomorrow | 2021-12-15
        Tomorrow's cars will fly. | Tomorrow | 2021-12-15
        The minister said it this morning. | this morning | 2021-12-14
        The minister will say it tonight. | tonight | 2021-12-14
        The minister said it last night. | last night | 2021-12-13
        The minister said it yesterday afternoon. | yesterday afternoon | 2021-12-13
        The minister said the day before yesterday. | the day before yesterday | 2021-12-12
        Talks were held last week. | last week | 2021-12-06/2021-12-12
        Talks are held this week. | this week | 2021-12-13/2021-12-19
        Talks will be held next week. | next week | 2021-12-20/2021-12-26
        Talks were held earlier this week. | earlier this week | 2021-12-13
        Talks were held last month. | last month | 2021-11
        Talks are held this month. | this month | 2021-12
        Talks will be held next month. | next month | 2022-01
        Talks were held late last month. | late last month | 2021-11-21/2021-11-30~
        Talks were held earlier this month. | earlier this month | 2021-12-01/2021-12-13
        Talks were held last year. | last year | 2020
        Talks are held this year. | this year | 2021
        Talks will be held next year. | next year | 2022
        Talks were held earlier this year. | earlier this year | 2021-01-01/2021-12-13
        @2021-06-01 Talks will be held later this year. | later this year | 2021-06-02/2021-12-31
        Talks were held in January this year. | January this year | 2021-01
        Talks will be held in January next year. | January next year | 2022-01
        Talks were held in March last year. | March last year | 2020-03
        Russia could attack early next year. | early next year | 2022-01/2022-04~
        Russia could attack late next year. | late next year | 2022-09/2022-12~
        The plant opened two years ago. | two years ago | 2019
        The plant opened 2 years ago. | 2 years ago | 2019
        The plant opened a year ago. | a year ago | 2020
        The plant opened almost two years ago. | almost two years ago | 2019~
        The plant opened about three years ago. | about three years ago | 2018~
        The plant opened some 20 years ago. | some 20 years ago | 2001~
        The plant opened more than two years ago. | more than two years ago | 2019~
        The plant opened twenty-five years ago. | twenty-five years ago | 1996
        The plant opened a decade ago. | a decade ago | 2011~
        The plant opened three days ago. | three days ago | 2021-12-11
        The plant opened two weeks ago. | two weeks ago | 2021-11-29/2021-12-05
        The plant opened 18 months ago. | 18 months ago | 2020-06
        The plant opens three weeks from now. | three weeks from now | 2022-01-03/2022-01-09
        Protests took place last weekend. | last weekend | 2021-12-11/2021-12-12
        Protests took place this weekend. | this weekend | 2021-12-11/2021-12-12
        Protests will take place this weekend. | this weekend | 2021-12-18/2021-12-19
        Protests will take place next weekend. | next weekend | 2021-12-18/2021-12-19
        Protests took place over the weekend. | the weekend | 2021-12-11/2021-12-12
        Protests will take place at the weekend. | the weekend | 2021-12-18/2021-12-19
        Profit fell last quarter. | last quarter | 2021-07/2021-09
        Profit fell in the third quarter. | the third quarter | 2021-07/2021-09
        Profit will rise in the first quarter. | the first quarter | 2022-01/2022-03
        Profit fell in the fourth quarter of last year. | the fourth quarter of last year | 2020-10/2020-12
        Third-quarter profit fell. | Third-quarter | 2021-07/2021-09
        The plant will close at the end of the year. | the end of the year | 2021-10/2021-12~
        The plant will close by the end of the month. | the end of the month | 2021-12-21/2021-12-31~
        The plant closed last March. | last March | 2021-03
        @2022-03-10 The plant closed last March. | last March | 2021-03
        The plant will open next March. | next March | 2022-03
        It was hot last summer. | last summer | 2021-06/2021-08
        It is hot this summer. | this summer | 2021-06/2021-08
        It will be hot next summer. | next summer | 2022-06/2022-08
        It was cold last winter. | last winter | 2020-12/2021-02
        It is cold this winter. | this winter | 2021-12/2022-02
        @2022-07-01 It was cold in the winter. | the winter | 2021-12/2022-02
        ",
    );
}

#[test]
fn weekdays_follow_the_tense() {
    // P is a Tuesday.
    check_table(
        "
        The minister spoke on Thursday. | Thursday | 2021-12-09
        The minister has spoken on Thursday. | Thursday | 2021-12-09
        The minister will speak on Thursday. | Thursday | 2021-12-16
        The minister is to speak on Thursday. | Thursday | 2021-12-16
        The minister plans to speak on Thursday. | Thursday | 2021-12-16
        The minister is expected to speak on Thursday. | Thursday | 2021-12-16
        The minister is due to speak on Thursday. | Thursday | 2021-12-16
        The minister spoke Tuesday. | Tuesday | 2021-12-14
        The minister speaks on Tuesday. | Tuesday | 2021-12-14
        The minister will speak on Tuesday. | Tuesday | 2021-12-21
        The minister spoke last Friday. | last Friday | 2021-12-10
        The minister spoke last Tuesday. | last Tuesday | 2021-12-07
        The minister will speak next Monday. | next Monday | 2021-12-20
        The minister will speak this coming Monday. | this coming Monday | 2021-12-20
        Workers struck on Wednesday afternoon. | Wednesday afternoon | 2021-12-08
        Workers will strike on Friday morning. | Friday morning | 2021-12-17
        The minister said on Monday that he will resign. | Monday | 2021-12-13
        He will resign on Friday, the minister said. | Friday | 2021-12-17
        The plane was set to land on Monday. | Monday | 2021-12-13
        It happened on Monday, December 13, 2021. | Monday, December 13, 2021 | 2021-12-13
        It happened on Mon., Dec. 13. | Mon., Dec. 13 | 2021-12-13
        ",
    );
}

/// The preposition before a weekday or month, a headline's `to` plan, and a time clause
/// under a future verb settle the direction where the nearest verb alone would not.
#[test]
fn prepositions_headlines_and_time_clauses_set_the_direction() {
    // P is Tuesday 2021-12-14: Thursday 09 or 16, Friday 10 or 17.
    check_table(
        "
        # A headline's `to` and a bare verb is a plan.
        Markets to remain closed until Friday | Friday | 2021-12-17
        Obama to meet Putin on Thursday | Thursday | 2021-12-16
        # After `to` a headline may have a noun; and a verb before makes `to` no plan.
        Dow falls to record low on Thursday | Thursday | 2021-12-09
        Police refused to reopen the road on Thursday | Thursday | 2021-12-09
        # In a body sentence, `to` is no plan.
        The exchange continued to trade on Thursday. | Thursday | 2021-12-09
        # `until`, `till`, `by`, `before` point forward unless the clause is simply past.
        The markets remain closed until Friday. | Friday | 2021-12-17
        The markets will remain closed until Friday. | Friday | 2021-12-17
        The markets stay shut till Friday. | Friday | 2021-12-17
        Bids must be in by Friday. | Friday | 2021-12-17
        Officials want a deal before Thursday. | Thursday | 2021-12-16
        The markets were closed until Friday. | Friday | 2021-12-10
        Bids were in by Friday. | Friday | 2021-12-10
        Markets are rattled by Thursday's jobs report. | Thursday | 2021-12-09
        # A present perfect's state lasts into the present, and so to a coming Friday.
        The regulator has kept all trading suspended until Friday. | Friday | 2021-12-17
        The regulator has suspended trading since Thursday. | Thursday | 2021-12-09
        # `since` points back, whatever the verb.
        @2009-03-13 US stock markets have their best week since November | November | 2008-11
        @2009-03-13 Shares are at their highest since November. | November | 2008-11
        @2022-03-10 It will be the warmest winter since December. | December | 2021-12
        @2022-03-10 It will be warm in December. | December | 2022-12
        # A time clause under a future verb is future, backshifted to the past in reported
        # speech; a past verb alone, or one after `say when`, stays past.
        The minister said funds would be paid when the banks opened on Thursday. | Thursday | 2021-12-16
        The funds will be paid once the banks open on Thursday. | Thursday | 2021-12-16
        The banks opened on Thursday. | Thursday | 2021-12-09
        He was arrested when he arrived on Thursday. | Thursday | 2021-12-09
        The bank would not say when it opened on Thursday. | Thursday | 2021-12-09
        The funds would be paid, the banks opened on Thursday. | Thursday | 2021-12-09
        ",
    );
}

/// `earlier this week` is over by publication, `later this week` is still to come.
#[test]
fn earlier_and_later_this_period_stop_at_publication() {
    check_table(
        "
        # Friday 2009-03-13.
        @2009-03-13 The rally began earlier this week. | earlier this week | 2009-03-09/2009-03-12
        @2009-03-13 Talks resume later this week. | later this week | 2009-03-14/2009-03-15
        @2009-03-13 Sales fell earlier this month. | earlier this month | 2009-03-01/2009-03-12
        @2009-03-13 Sales will rise later this month. | later this month | 2009-03-14/2009-03-31
        @2009-03-13 Sales fell earlier this quarter. | earlier this quarter | 2009-01-01/2009-03-12
        # On the first or last day of the period nothing else is left but that day.
        @2009-03-09 The rally began earlier this week. | earlier this week | 2009-03-09
        @2009-03-15 Talks resume later this week. | later this week | 2009-03-15
        # `later that day` is counted from the date before it, as before.
        They met on 13 December 2021 and signed later that day. | later that day | 2021-12-13
        ",
    );
}

#[test]
fn months_without_a_year_follow_the_tense() {
    check_table(
        "
        # Written in March: a past December is last year's, a future one this year's.
        @2022-03-10 The plant closed in December. | December | 2021-12
        @2022-03-10 The plant will close in December. | December | 2022-12
        # Written in December: a future March is next year's, a past one this year's.
        The plant will open in March. | March | 2022-03
        The plant opened in March. | March | 2021-03
        @2022-01-05 The plant opened on December 20. | December 20 | 2021-12-20
        The plant will open on January 5. | January 5 | 2022-01-05
        The plant opens in June. | June | 2021-06
        @2007-03-19 Deliveries are not due until October. | October | 2007-10
        @2008-11-07 GM will report its October figures. | October | 2008-10
        @2008-03-07 GM will publish December sales on Monday. | December | 2007-12
        @2008-03-07 GM will publish December sales on Monday. | Monday | 2008-03-10
        @2005-01-18 The first flight may take place as early as March. | March | 2005-03
        @2009-07-30 The jet crashed into the ocean in June. | June | 2009-06
        @2010-01-25 It made its maiden flight on 11 December. | 11 December | 2009-12-11
        @2007-06-09 It has been trying since December. | December | 2006-12
        @2005-11-05 It will arrive on November 11, three days later than originally planned. | November 11 | 2005-11-11
        @2005-02-17 First flight is scheduled in early March. | early March | 2005-03-01/2005-03-10~
        @2007-07-09 The first flight is expected in August or September of this year. | August | 2007-08
        @2007-07-09 The first flight is expected in August or September of this year. | September of this year | 2007-09
        ",
    );
}

#[test]
fn dates_relative_to_an_earlier_date() {
    check_table(
        "
        The war began in 2008. It ended the following year. | the following year | 2009
        The war began in 2008. It had started the previous year. | the previous year | 2007
        The war began in 2008. That year prices rose. | That year | 2008
        The war began in 2008. The same year prices rose. | The same year | 2008
        The war began in March 2008. That month prices rose. | That month | 2008-03
        Tests begin in 2010, with service three years afterwards. | three years afterwards | 2013
        Deliveries start in 2011 and end two years later. | two years later | 2013
        The line opened in 2010; a year earlier it was tested. | a year earlier | 2009
        They met on 13 December 2021 and signed the next day. | the next day | 2021-12-14
        They met on 13 December 2021 and had talked the day before. | the day before | 2021-12-12
        They met on 13 December 2021 and signed later that day. | later that day | 2021-12-13
        # With no date before, the publication date is the reference.
        The following year was worse. | The following year | 2022
        ",
    );
}

#[test]
fn holidays_numeric_dates_and_other_forms() {
    check_table(
        "
        @2021-12-28 Shops closed on Christmas Day. | Christmas Day | 2021-12-25
        Shops closed on Christmas Day. | Christmas Day | 2020-12-25
        Shops will be closed on Christmas Day. | Christmas Day | 2021-12-25
        @2022-01-03 Shops closed on Christmas Eve. | Christmas Eve | 2021-12-24
        Shops will close at Christmas. | Christmas | 2021-12-25
        Shops closed last Christmas. | last Christmas | 2020-12-25
        Shops closed at Christmas 2008. | Christmas 2008 | 2008-12-25
        @2022-01-03 Parties ran on New Year's Eve. | New Year's Eve | 2021-12-31
        Parties will run on New Year's Day. | New Year's Day | 2022-01-01
        The march was held on Good Friday. | Good Friday | 2021-04-02
        The march will be held on Easter Monday. | Easter Monday | 2022-04-18
        @2008-04-01 Families met before Easter. | Easter | 2008-03-23
        Families met on Thanksgiving Day. | Thanksgiving Day | 2021-11-25
        It was signed on 13/12/2021. | 13/12/2021 | 2021-12-13
        It was signed on 12/13/2021. | 12/13/2021 | 2021-12-13
        The 2008/2009 season was long. | 2008/2009 | 2008/2009
        Talks began on Monday last week. | Monday last week | 2021-12-06
        Talks begin on Friday next week. | Friday next week | 2021-12-24
        Talks ended this past weekend. | this past weekend | 2021-12-11/2021-12-12
        Talks ended the year before last. | the year before last | 2019
        Talks are on this Friday. | this Friday | 2021-12-17
        He left last Friday, and she arrives this Friday. | this Friday | 2021-12-17
        He left last Friday, and she arrives this Friday. | last Friday | 2021-12-10
        @2021-12-18 She arrives this Friday. | this Friday | 2021-12-24
        @2021-12-17 She arrives this Friday. | this Friday | 2021-12-17
        Prices rose since the start of the year. | the start of the year | 2021-01/2021-03~
        The line opened in 2008, and by the end of the year it was full. | the end of the year | 2008-10/2008-12~
        Growth was strong in the 1990s and 2000s. | 2000s | 2000/2009
        Late last year the plant closed. | Late last year | 2020-09/2020-12~
        Profit rose in the third quarter of 2008 after falling the previous quarter. | the previous quarter | 2008-04/2008-06
        Debt will be cut by year-end. | year-end | 2021-10/2021-12~
        Sales recovered by mid-year. | mid-year | 2021-05/2021-08~
        Stocks fell over the past weekend. | the past weekend | 2021-12-11/2021-12-12
        Prices fell in the final quarter of 2008. | 2008 | 2008
        ",
    );
}

/// Sentences in which nothing is a date expression.
#[test]
fn what_is_not_a_date() {
    let negatives = [
        "The company hired 2000 workers.",
        "About 2000 people marched.",
        "It cost $2009 in fees.",
        "It cost US$2009 in fees.",
        "It cost £1999.",
        "The Boeing 787 and the Airbus A380 flew over.",
        "The Boeing 2707 was never built.",
        "Flight 2008 landed safely.",
        "Call 555-2008 for details.",
        "Room 2010 was empty.",
        "UN Resolution 1973 authorised force.",
        "Theresa May said the plan may work.",
        "Prime Minister May spoke.",
        "May I ask a question?",
        "Protesters march on parliament.",
        "They will March on Washington.",
        "April Smith and June Carter sang.",
        "It lasted for two weeks.",
        "The contract runs three years.",
        "It happens every year.",
        "It happens every Monday and each March.",
        "Flights leave daily and twice on Mondays.",
        "The Sunday Times reported the story.",
        "Black Friday sales rose.",
        "He finished second, a minute behind.",
        "The 2,000 jobs were cut.",
        "They signed a 27-year contract.",
        "The 50-year-old pilot landed.",
        "The population grew 2.5 percent.",
        "Over the past five years, sales rose.",
        "Over the next four years the firm will cut jobs.",
        "The last year has been difficult.",
        "In the next month we will see.",
        "It landed at 18:00 UTC.",
        "Sales rose in recent years.",
        "The Arab Spring began in Tunisia.",
        "He scored 1999 points.",
        "The 747 and 777 are in service.",
        "Shares rose 20% to 2,345.",
        "It is 1500 km away.",
        "The fall in prices hurt.",
        "USA Today reported the story.",
        "They will make the cars of tomorrow.",
        "He praised the heroes of yesterday.",
        "It arrived three days later than planned.",
        "The delay was four years behind schedule.",
        "The 1,500 to 2,000 jobs are safe.",
        "Between 210 and 250 passengers fit.",
        "It will carry 2000 passengers.",
        "It was 2008 GMT when it landed.",
        "Polls close at 2000 local time.",
        "Some 400 guests came.",
        "The ratio is 3:2 in 2,010 cases.",
        "Three years after it was first due, the jet flew.",
        "The jet holds 1800 litres of fuel.",
        "They talked on 30 -- 40 days.",
        "Christmas Island lies south of Java.",
        "They sold Christmas trees.",
        "It is 7/8/2021 in one format.",
        "Thousands, 1000s of people, came.",
        "They live at 2010 Main Street.",
        "The past week was busy.",
        "They live on Spring Street near the Winter Olympics venue.",
        "A 2000-strong crowd read the 1500-page report.",
        "Nobody spoke as May said no.",
        "He hosted The Tonight Show.",
    ];
    let mut failures = Vec::new();
    for text in negatives {
        let found = tag(text, P);
        if !found.is_empty() {
            failures.push(format!("{text:?}: {found:?}"));
        }
    }
    assert!(failures.is_empty(), "reported:\n{}", failures.join("\n"));
}

#[test]
fn spans_are_byte_offsets_with_sentence_numbers() {
    let text = "Putin called.\n“We met on Thursday,” he said in December 2021.";
    let found = find_times(text, day(P));
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].sentence, 2);
    assert_eq!(&text[found[0].start..found[0].end], "Thursday");
    assert_eq!(found[0].value, "2021-12-09");
    assert_eq!(&text[found[1].start..found[1].end], "December 2021");
    assert_eq!(found[1].value, "2021-12");
}

/// The seed article (tests/fixtures/seed_article.txt): the Putin–Johnson phone call of Monday
/// 13 December 2021. Read as published that same day: the call and the E.U. sanctions on
/// Wagner (also of the 13th) are told in the present perfect ("has told", "has imposed"), the
/// call "comes amid" the tensions, the embedded tweet is dated December 13, 2021, and nothing
/// says "yesterday" or "on Monday". Published the next day, its two dates keep their values.
#[test]
fn the_seed_article() {
    let text = include_str!("../../tests/fixtures/seed_article.txt");
    for published in ["2021-12-13", "2021-12-14"] {
        assert_eq!(
            tag(text, published),
            [
                ("December 13, 2021".to_string(), "2021-12-13".to_string()),
                (
                    "early next year".to_string(),
                    "2022-01/2022-04~".to_string()
                ),
            ],
            "published {published}"
        );
    }
}

/// Words the grammar knows, numbers that look like days and years, and punctuation, strung
/// together by a fixed pseudo-random sequence: whatever the tagger makes of them must be
/// in-order, non-overlapping spans on character boundaries with values that parse.
#[test]
fn every_value_parses_and_spans_are_sound() {
    const WORDS: &[&str] = &[
        "the",
        "last",
        "next",
        "this",
        "that",
        "early",
        "mid",
        "late",
        "end",
        "of",
        "in",
        "on",
        "between",
        "and",
        "to",
        "from",
        "until",
        "ago",
        "later",
        "earlier",
        "before",
        "after",
        "year",
        "years",
        "month",
        "week",
        "weekend",
        "day",
        "days",
        "quarter",
        "decade",
        "century",
        "first",
        "second",
        "third",
        "fourth",
        "half",
        "following",
        "previous",
        "same",
        "about",
        "almost",
        "some",
        "more",
        "than",
        "a",
        "two",
        "twenty",
        "-",
        "–",
        ",",
        ".",
        "'",
        "s",
        "May",
        "March",
        "December",
        "Dec",
        "Feb",
        "Monday",
        "Sunday",
        "Mon",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "morning",
        "summer",
        "winter",
        "fall",
        "spring",
        "fiscal",
        "FY2008",
        "Q4",
        "1990s",
        "'90s",
        "20th",
        "13th",
        "29",
        "30",
        "31",
        "2",
        "12",
        "13",
        "00",
        "99",
        "1999",
        "2000",
        "2008",
        "2021",
        "2099",
        "1066",
        "9999",
        "will",
        "was",
        "said",
        "is",
        "2021-02-29",
        "2021-12-13",
        "2008-09",
        "2010/11",
        "$",
        "é",
        "—",
        "“",
        "”",
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut text = String::new();
    for _ in 0..60_000 {
        let r = next();
        text.push_str(WORDS[(r % WORDS.len() as u64) as usize]);
        text.push_str(match (r >> 32) % 9 {
            0 => "",
            1 => "\n",
            _ => " ",
        });
    }
    let mut count = 0;
    for published in [
        "2021-12-14",
        "2024-02-29",
        "2000-01-01",
        "1999-12-31",
        "2022-01-02",
        // The edges of the four-digit years: arithmetic past them must give no value
        // rather than an invalid one.
        "0001-01-01",
        "0000-01-01",
        "9999-12-31",
        "9999-06-01",
    ] {
        let mut previous_end = 0;
        for t in find_times(&text, day(published)) {
            assert!(t.start < t.end && t.start >= previous_end, "{t:?}");
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            EdtfDate::parse(&t.value)
                .unwrap_or_else(|e| panic!("{:?} → {}: {e}", &text[t.start..t.end], t.value));
            previous_end = t.end;
            count += 1;
        }
    }
    assert!(
        count > 5_000,
        "only {count} expressions: the generator lost its dates"
    );
}

#[test]
fn a_reversed_range_is_its_two_years() {
    assert_eq!(
        tag("From 2019 to 2017 things changed.", P),
        [
            ("2019".into(), "2019".into()),
            ("2017".into(), "2017".into())
        ]
    );
    assert_eq!(
        tag("Between 2019 and 2017 things changed.", P),
        [
            ("2019".into(), "2019".into()),
            ("2017".into(), "2017".into())
        ]
    );
    assert_eq!(
        tag("From 2017 to 2019 things changed.", P),
        [("2017 to 2019".into(), "2017/2019".into())]
    );
}

#[test]
fn an_impossible_day_is_no_date_and_is_noted() {
    let text = "On 31 April 2021 and on 30 February it rained. On 29 February 2021 it snowed.";
    let (found, not) = super::find_times_noting(text, day(P));
    assert_eq!(found, []);
    let noted: Vec<(&str, usize, &str)> = not
        .iter()
        .map(|n| (&text[n.start..n.end], n.sentence, n.reason.as_str()))
        .collect();
    assert_eq!(
        noted,
        [
            ("31 April 2021", 1, "April has 30 days"),
            ("30 February", 1, "February has at most 29 days"),
            ("29 February 2021", 2, "2021 is not a leap year"),
        ]
    );
    // A possible day is untouched.
    assert_eq!(
        tag("On 30 April 2021 it rained.", P),
        [("30 April 2021".into(), "2021-04-30".into())]
    );
}

#[test]
fn edge_publication_dates_give_only_valid_values() {
    let text = "It fell 2 days ago. It fell last year. It rises next year. It rises tomorrow.";
    for published in ["0000-01-01", "0001-01-01", "9999-06-01", "9999-12-31"] {
        // `tag` asserts that every value parses.
        let found = tag(text, published);
        assert!(
            !found.is_empty() || published == "0000-01-01",
            "{published}"
        );
    }
    assert_eq!(
        tag(text, "0001-01-05"),
        [
            ("2 days ago".into(), "0001-01-03".into()),
            ("next year".into(), "0002".into()),
            ("tomorrow".into(), "0001-01-06".into()),
        ]
    );
}
