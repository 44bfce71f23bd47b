//! The words the time grammar knows, looked up once per word when the text is tokenized.

use std::sync::LazyLock;

use chrono::Weekday;
use rustc_hash::FxHashSet;

/// A unit of calendar time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

/// A part of a period: `early 2008`, `the end of March`, `the first half of 2008`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Early,
    Mid,
    Late,
    /// `the beginning of`, `the start of`.
    Beginning,
    /// `the end of`.
    End,
    FirstHalf,
    SecondHalf,
}

/// What a word is to the time grammar. Most words are `Other`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lex {
    Month(u32),
    /// `Jan`, `Sept`: a month only when a day or year follows.
    MonthAbbr(u32),
    Weekday(Weekday),
    /// `Mon`, `Thurs`: a weekday only in front of a date.
    WeekdayAbbr(Weekday),
    /// `one` … `ninety`.
    Count(u32),
    /// `first` … `tenth`, `twentieth`, `thirtieth`.
    Ordinal(u32),
    /// A unit; `true` when plural (`years`).
    Unit(Unit, bool),
    Season(Season),
    /// `today` 0, `yesterday` -1, `tomorrow` 1, `tonight` 0.
    DayWord(i64),
    /// `morning`, `afternoon`, `evening`, `night`.
    DayPart,
    /// `early`, `mid`, `late`, `middle`.
    Part(Part),
    /// `end` (of).
    End,
    /// `beginning`, `start` (of).
    Beginning,
    Half,
    Earlier,
    Later,
    Ago,
    Afterwards,
    After,
    Before,
    /// `about`, `around`, `almost`, `nearly`, `approximately`, `roughly`, `circa`.
    Approx,
    Some,
    More,
    Less,
    Than,
    Just,
    Over,
    This,
    Last,
    Next,
    Coming,
    Past,
    /// `previous`, `preceding`, `prior`.
    Previous,
    Following,
    Same,
    Current,
    That,
    The,
    Of,
    A,
    And,
    To,
    /// `through`, `thru`.
    Through,
    /// `until`, `till`.
    Until,
    From,
    Between,
    Fiscal,
    /// `FY`.
    FiscalCode,
    Now,
    /// Prepositions and determiners that may stand before a month name: `in May`, `by June`.
    MonthLead,
    /// `every`, `each`, `per`: a recurrence follows.
    Every,
    Other,
}

/// Looks a word up, case-insensitively. Words longer than any entry are `Other`.
pub(crate) fn lookup(word: &[u8]) -> Lex {
    let mut buf = [0u8; 14];
    if word.len() > buf.len() {
        return Lex::Other;
    }
    for (b, w) in buf.iter_mut().zip(word) {
        *b = w.to_ascii_lowercase();
    }
    let lower = &buf[..word.len()];
    use Lex::*;
    match lower {
        b"january" => Month(1),
        b"february" => Month(2),
        b"march" => Month(3),
        b"april" => Month(4),
        b"may" => Month(5),
        b"june" => Month(6),
        b"july" => Month(7),
        b"august" => Month(8),
        b"september" => Month(9),
        b"october" => Month(10),
        b"november" => Month(11),
        b"december" => Month(12),
        b"jan" => MonthAbbr(1),
        b"feb" => MonthAbbr(2),
        b"mar" => MonthAbbr(3),
        b"apr" => MonthAbbr(4),
        b"jun" => MonthAbbr(6),
        b"jul" => MonthAbbr(7),
        b"aug" => MonthAbbr(8),
        b"sep" | b"sept" => MonthAbbr(9),
        b"oct" => MonthAbbr(10),
        b"nov" => MonthAbbr(11),
        b"dec" => MonthAbbr(12),
        b"monday" => Weekday(chrono::Weekday::Mon),
        b"tuesday" => Weekday(chrono::Weekday::Tue),
        b"wednesday" => Weekday(chrono::Weekday::Wed),
        b"thursday" => Weekday(chrono::Weekday::Thu),
        b"friday" => Weekday(chrono::Weekday::Fri),
        b"saturday" => Weekday(chrono::Weekday::Sat),
        b"sunday" => Weekday(chrono::Weekday::Sun),
        b"mon" => WeekdayAbbr(chrono::Weekday::Mon),
        b"tue" | b"tues" => WeekdayAbbr(chrono::Weekday::Tue),
        b"wed" => WeekdayAbbr(chrono::Weekday::Wed),
        b"thu" | b"thur" | b"thurs" => WeekdayAbbr(chrono::Weekday::Thu),
        b"fri" => WeekdayAbbr(chrono::Weekday::Fri),
        b"sat" => WeekdayAbbr(chrono::Weekday::Sat),
        b"sun" => WeekdayAbbr(chrono::Weekday::Sun),
        b"one" => Count(1),
        b"two" => Count(2),
        b"three" => Count(3),
        b"four" => Count(4),
        b"five" => Count(5),
        b"six" => Count(6),
        b"seven" => Count(7),
        b"eight" => Count(8),
        b"nine" => Count(9),
        b"ten" => Count(10),
        b"eleven" => Count(11),
        b"twelve" => Count(12),
        b"thirteen" => Count(13),
        b"fourteen" => Count(14),
        b"fifteen" => Count(15),
        b"sixteen" => Count(16),
        b"seventeen" => Count(17),
        b"eighteen" => Count(18),
        b"nineteen" => Count(19),
        b"twenty" => Count(20),
        b"thirty" => Count(30),
        b"forty" => Count(40),
        b"fifty" => Count(50),
        b"sixty" => Count(60),
        b"seventy" => Count(70),
        b"eighty" => Count(80),
        b"ninety" => Count(90),
        b"first" => Ordinal(1),
        b"second" => Ordinal(2),
        b"third" => Ordinal(3),
        b"fourth" => Ordinal(4),
        b"fifth" => Ordinal(5),
        b"sixth" => Ordinal(6),
        b"seventh" => Ordinal(7),
        b"eighth" => Ordinal(8),
        b"ninth" => Ordinal(9),
        b"tenth" => Ordinal(10),
        b"eleventh" => Ordinal(11),
        b"twelfth" => Ordinal(12),
        b"thirteenth" => Ordinal(13),
        b"fourteenth" => Ordinal(14),
        b"fifteenth" => Ordinal(15),
        b"sixteenth" => Ordinal(16),
        b"seventeenth" => Ordinal(17),
        b"eighteenth" => Ordinal(18),
        b"nineteenth" => Ordinal(19),
        b"twentieth" => Ordinal(20),
        b"thirtieth" => Ordinal(30),
        b"day" => Unit(self::Unit::Day, false),
        b"days" => Unit(self::Unit::Day, true),
        b"week" => Unit(self::Unit::Week, false),
        b"weeks" => Unit(self::Unit::Week, true),
        b"weekend" => Unit(self::Unit::Weekend, false),
        b"weekends" => Unit(self::Unit::Weekend, true),
        b"month" => Unit(self::Unit::Month, false),
        b"months" => Unit(self::Unit::Month, true),
        b"quarter" => Unit(self::Unit::Quarter, false),
        b"quarters" => Unit(self::Unit::Quarter, true),
        b"year" => Unit(self::Unit::Year, false),
        b"years" => Unit(self::Unit::Year, true),
        b"decade" => Unit(self::Unit::Decade, false),
        b"decades" => Unit(self::Unit::Decade, true),
        b"century" => Unit(self::Unit::Century, false),
        b"centuries" => Unit(self::Unit::Century, true),
        b"spring" => Season(self::Season::Spring),
        b"summer" => Season(self::Season::Summer),
        b"autumn" | b"fall" => Season(self::Season::Autumn),
        b"winter" => Season(self::Season::Winter),
        b"today" => DayWord(0),
        b"tonight" => DayWord(0),
        b"yesterday" => DayWord(-1),
        b"tomorrow" => DayWord(1),
        b"morning" | b"afternoon" | b"evening" | b"night" => DayPart,
        b"early" => Part(self::Part::Early),
        b"mid" | b"middle" => Part(self::Part::Mid),
        b"late" => Part(self::Part::Late),
        b"end" => End,
        b"beginning" | b"start" => Beginning,
        b"half" => Half,
        b"earlier" => Earlier,
        b"later" => Later,
        b"ago" => Ago,
        b"afterwards" | b"afterward" => Afterwards,
        b"after" => After,
        b"before" => Before,
        b"about" | b"around" | b"almost" | b"nearly" | b"approximately" | b"roughly" | b"circa" => {
            Approx
        }
        b"some" => Some,
        b"more" => More,
        b"less" => Less,
        b"than" => Than,
        b"just" => Just,
        b"over" => Over,
        b"this" => This,
        b"last" => Last,
        b"next" => Next,
        b"coming" => Coming,
        b"past" => Past,
        b"previous" | b"preceding" | b"prior" => Previous,
        b"following" => Following,
        b"same" => Same,
        b"current" => Current,
        b"that" => That,
        b"the" => The,
        b"of" => Of,
        b"a" | b"an" => A,
        b"and" => And,
        b"to" => To,
        b"through" | b"thru" => Through,
        b"until" | b"till" => Until,
        b"from" => From,
        b"between" => Between,
        b"fiscal" => Fiscal,
        b"fy" => FiscalCode,
        b"now" => Now,
        b"in" | b"on" | b"by" | b"since" | b"during" | b"throughout" | b"as" | b"for" | b"into"
        | b"or" | b"at" => MonthLead,
        b"every" | b"each" | b"per" => Every,
        _ => Other,
    }
}

/// A set of words, written in the source as one space-separated string and hashed on first
/// use: the lists are long, and the tense reader asks about every word of a text.
pub(crate) type WordSet = FxHashSet<&'static str>;

fn words(list: &'static str) -> WordSet {
    list.split_whitespace().collect()
}

/// Words before a number that make it a name or code rather than a year: `Boeing 2707`,
/// `Flight 2008`, `Room 2010`, `Resolution 1973`.
pub(crate) static MODEL_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    words(
        "Boeing Airbus Cessna Embraer Bombardier Antonov Tupolev Ilyushin Sukhoi Lockheed Fokker \
    Learjet Gulfstream Flight flight Flights flights Number number No Route route Highway \
    highway Interstate Room room Model model Type type Class class Resolution resolution \
    Terminal terminal Gate gate Platform platform Channel channel Bus bus Train train Track \
    track Level level Version version Apollo Soyuz Page page Pages pages Article article \
    Section section Chapter chapter Vol Volume volume Code code Unit unit Ward ward Block \
    block Building building Suite suite Apartment apartment Pier pier Exit exit Junction \
    junction Line line Series series Mark Mk Patrol Bill bill Act Form form Order order Decree \
    decree Ordinance Rule rule Article Art Box box Lot lot Tel tel Phone phone Fax fax ext Ext",
    )
});

/// Nouns after a number that make it a count (`2000 workers`), units of measure and time
/// zones (`1500 km`, `2000 GMT`).
pub(crate) static COUNT_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    words(
        "people persons men women children kids workers employees staff jobs troops soldiers police \
    policemen officers personnel residents citizens voters votes students pupils members \
    passengers tourists visitors fans spectators refugees migrants prisoners inmates detainees \
    patients deaths dead casualties victims cases infections homes houses households families \
    vehicles cars trucks units copies rounds shells rockets missiles planes aircraft jets \
    ships boats tanks guns weapons tons tonnes barrels acres hectares miles mi kilometres \
    kilometers km metres meters m feet ft kg kilograms pounds lbs dollars euros yuan yen \
    rupees pesos points pages words signatures companies firms schools hospitals beds doctors \
    nurses teachers farmers protesters demonstrators marchers athletes participants delegates \
    guests attendees items animals cattle sheep birds trees sites stores shops branches \
    outlets seats rooms hotels positions posts layoffs lawsuits arrests complaints signers \
    applications customers users subscribers readers viewers listeners followers hours hrs \
    minutes seconds litres liters gallons degrees calories knots mph horsepower hp megawatts \
    MW kW GMT UTC BST CET EST EDT PST PDT million billion thousand hundred bn percent per \
    times more others other new additional extra",
    )
});

/// Street words: `2010 Main Street` is a house number.
pub(crate) static STREETS: LazyLock<WordSet> = LazyLock::new(|| {
    words(
        "Street St Avenue Ave Road Rd Boulevard Blvd Lane Drive Way Place Square Court Terrace \
    Highway Parkway",
    )
});

/// Words that make the weekday after them part of a name: `Black Friday`, `Bloody Sunday`.
pub(crate) static NAMES_BEFORE_WEEKDAY: LazyLock<WordSet> = LazyLock::new(|| {
    words(
        "Black Good Super Bloody Cyber Easter Palm Ash Holy Maundy Shrove Fat Giving Whit Low \
    Passion Trinity Mothering Manic",
    )
});

/// Words that make the weekday before them part of a name: `Sunday Times`, `Monday Night`.
pub(crate) static NAMES_AFTER_WEEKDAY: LazyLock<WordSet> = LazyLock::new(|| {
    words(
        "Times Telegraph Mirror Express Post Herald Tribune Independent Star Mail Observer Sport \
    Business Review People Sun World Age Night Morning Football School Service Edition \
    Magazine Programme Program Show Club League",
    )
});

/// Irregular past tenses, for the tense reader.
pub(crate) static IRREGULAR_PAST: LazyLock<WordSet> = LazyLock::new(|| {
    words(
        "said told made took came went began gave saw found left met held lost sold bought flew led \
    rose fell struck spoke wrote knew thought brought became broke chose drove got grew kept \
    paid sent stood sat wore withdrew ran fought caught taught sought felt heard meant built \
    spent lent shot slept swore tore threw woke forgot hid bit drew dug fed fled forbade froze \
    hung laid rode rang sang sank shook shone slid spun stole stuck strove swam swung \
    understood undertook overtook wept won ate arose awoke bore bound bred dealt fled forgave \
    foresaw ground mistook oversaw overthrew sped split sprang stank stung strode swept upheld \
    withheld wound",
    )
});

/// Irregular past participles and the adverbs that come between `has` and one, for the tense
/// reader (`has been`, `has already`).
pub(crate) static PARTICIPLES: LazyLock<WordSet> = LazyLock::new(|| {
    words(
        "been done gone seen taken given known shown grown flown begun become come run written \
    spoken broken chosen driven fallen risen stolen eaten forgotten hidden ridden sworn torn \
    worn woken drawn thrown withdrawn undertaken overtaken put set cut hit let quit shut \
    spread also already now just not never since recently long",
    )
});

/// Words ending in -ed that are not past tenses: `hundred`, `indeed`, `alleged`.
pub(crate) static NOT_VERBS: LazyLock<WordSet> = LazyLock::new(|| {
    words(
        "indeed hundred proceed succeed exceed speed breed greed creed tweed steed bleed sacred \
    naked wicked beloved kindred rugged ragged wretched crooked learned aged embed unneeded \
    alleged supposed so-called armed united limited based related advanced detailed \
    experienced skilled talented interested concerned involved",
    )
});

/// Verbs that, right after `May` or `June`, show a person: `as May said`.
pub(crate) static NAME_VERBS: LazyLock<WordSet> = LazyLock::new(|| {
    words(
        "said says told tells added adds has had is was will would can could should must \
         wants wanted announced insisted argued claimed warned urged called asked replied \
         wrote writes met meets visited visits arrived arrives spoke speaks promised promises \
         resigned became becomes won lost",
    )
});

/// Nouns for reported figures: the period named just before one is past (`October sales`).
pub(crate) static DATA_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    words(
        "figures sales results data numbers earnings statistics accounts payrolls deliveries \
         exports imports output profits profit revenue revenues losses loss inflation \
         unemployment turnout",
    )
});

/// Bare verbs that a headline puts after `to` to tell of a plan: `Markets to remain
/// closed`, `Obama to meet Putin`. A list, not a guess: after `to` a headline as often has a
/// noun or an adjective (`falls to record low`, `returns to normal`).
pub(crate) static BARE_VERBS: LazyLock<WordSet> = LazyLock::new(|| {
    words(
        "be remain stay meet hold open reopen close shut cut raise lower hike keep resume start \
         begin end halt stop suspend launch visit attend host sign announce release publish vote \
         elect decide rule hear review consider discuss debate seek ask sell buy acquire merge \
         invest spend pay fund build hire fire sack quit resign retire leave join enter return \
         go come face get become take make give receive win lose run test try challenge appeal \
         sue expand reduce increase boost restore reform introduce unveil offer bid testify \
         speak address travel fly deliver replace name appoint nominate change cancel delay \
         postpone move relocate issue accept reject approve block ban allow require impose \
         lift ease extend scrap slash shed axe trim lay tour mark celebrate investigate probe inspect deploy send withdraw pull",
    )
});

/// Verbs after which `when` asks a question rather than opens a time clause: `would not
/// say when it opened`.
pub(crate) static REPORTING_VERBS: LazyLock<WordSet> = LazyLock::new(|| {
    words(
        "say said says know knew knows ask asked asks tell told tells explain explained explains \
         disclose disclosed discloses reveal revealed reveals specify specified confirm \
         confirmed remember recall recalled wonder wondered unclear clear sure decide decided \
         indicate indicated",
    )
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_ignores_case_and_knows_the_calendar() {
        assert_eq!(lookup(b"December"), Lex::Month(12));
        assert_eq!(lookup(b"SEPT"), Lex::MonthAbbr(9));
        assert_eq!(lookup(b"thursday"), Lex::Weekday(Weekday::Thu));
        assert_eq!(lookup(b"years"), Lex::Unit(Unit::Year, true));
        assert_eq!(lookup(b"Fall"), Lex::Season(Season::Autumn));
        assert_eq!(lookup(b"Mondays"), Lex::Other, "a recurrence, not a day");
        assert_eq!(lookup(b"extraordinarily-long"), Lex::Other);
    }
}
