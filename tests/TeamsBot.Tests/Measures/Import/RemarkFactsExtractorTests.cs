using System.Globalization;
using TeamsBot.Measures.Import;

namespace TeamsBot.Tests.Measures.Import;

public class RemarkFactsExtractorTests
{
    [Theory]
    [InlineData("Forskningsprosjekt er tildelt PHS. Frist er 1. september 2023.", "2023-09-01", "1. september 2023")]
    [InlineData("Rapport til JD, frist 1. september 2023.", "2023-09-01", "1. september 2023")]
    [InlineData("Frist for ferdigstillelse av rundskrivet er 1. juli 2023.", "2023-07-01", "1. juli 2023")]
    [InlineData("Gjennomføres innen 15. august 2023.", "2023-08-15", "15. august 2023")]
    [InlineData("Rapporten skal leveres 15.12.2023.", "2023-12-15", "15.12.2023")]
    [InlineData("Frist 01.09.2023.", "2023-09-01", "01.09.2023")]
    [InlineData("Tiltaket skal gjennomføres i løpet av 2024.", "2024-12-31", "i løpet av 2024")]
    [InlineData("Nasjonal felles retningslinje utarbeides høsten 2023.", "2023-11-30", "høsten 2023")]
    [InlineData("Veiledningsmateriellet estimeres ferdig høst 2023.", "2023-11-30", "høst 2023")]
    [InlineData("Revisjonen er planlagt våren 2024.", "2024-05-31", "våren 2024")]
    [InlineData("Øvelsen er planlagt sommeren 2024.", "2024-08-31", "sommeren 2024")]
    [InlineData("Evalueringen skal være ferdig vinteren 2024.", "2024-02-29", "vinteren 2024")]
    [InlineData("Evalueringen skal være ferdig vinteren 2023/2024.", "2024-02-29", "vinteren 2023/2024")]
    [InlineData("Politidistriktene skal rapportere om status for dette i september 2023.", "2023-09-30", "september 2023")]
    [InlineData("Opplæringen skal gjennomføres i alle politidistrikter, i 2022/2023.", "2023-12-31", "2022/2023")]
    [InlineData("Prosedyren har gjennomgått en revisjon, og denne ferdigstilles i 2023.", "2023-12-31", "2023")]
    [InlineData("Rapporten skal foreligge innen utgangen av 2025.", "2025-12-31", "utgangen av 2025")]
    [InlineData("Arbeidet skal avsluttes første halvår 2024.", "2024-06-30", "første halvår 2024")]
    [InlineData("Arbeidet skal avsluttes 3. kvartal 2024.", "2024-09-30", "3. kvartal 2024")]
    public void Norwegian_deadline_forms(string remark, string deadline, string text)
    {
        var facts = RemarkFactsExtractor.Extract(remark, "nb");

        Assert.Equal(DateOnly.Parse(deadline, CultureInfo.InvariantCulture), facts.Deadline);
        Assert.Equal(text, facts.DeadlineText);
    }

    [Theory]
    [InlineData("The report is due by 1 September 2023.", "2023-09-01", "1 September 2023")]
    [InlineData("Delivery no later than September 15, 2023.", "2023-09-15", "September 15, 2023")]
    [InlineData("The new procedure will be in place autumn 2023.", "2023-11-30", "autumn 2023")]
    [InlineData("Training is planned for spring 2024.", "2024-05-31", "spring 2024")]
    [InlineData("The centre will be ready in March 2024.", "2024-03-31", "March 2024")]
    [InlineData("The review will be finished by the end of 2024.", "2024-12-31", "the end of 2024")]
    [InlineData("The review is scheduled for Q2 2024.", "2024-06-30", "Q2 2024")]
    public void English_deadline_forms(string remark, string deadline, string text)
    {
        var facts = RemarkFactsExtractor.Extract(remark, "en");

        Assert.Equal(DateOnly.Parse(deadline, CultureInfo.InvariantCulture), facts.Deadline);
        Assert.Equal(text, facts.DeadlineText);
    }

    [Fact]
    public void A_day_without_a_year_takes_the_next_one_after_the_reference_date()
    {
        const string remark = "Seksjonene rapporterer status innen 15. desember.";

        Assert.Equal(new DateOnly(2023, 12, 15), RemarkFactsExtractor.Extract(remark, "nb", new DateOnly(2023, 6, 8)).Deadline);
        Assert.Equal(new DateOnly(2024, 12, 15), RemarkFactsExtractor.Extract(remark, "nb", new DateOnly(2023, 12, 16)).Deadline);

        var withoutReference = RemarkFactsExtractor.Extract(remark, "nb");
        Assert.Null(withoutReference.Deadline);
        Assert.Equal("15. desember", withoutReference.DeadlineText);
    }

    [Theory]
    [InlineData("POD har foreslått en utredning. Dette ble oversendt JD i mars 2022 (vår ref. 21/183782-4).")]
    [InlineData("Det ble gjennomført et dialogmøte 25.05.2023 med LHBT+ organisasjoner.")]
    [InlineData("Ny retningslinje ble godkjent 29.11.2022, og er under iverksettelse hos politidistrikter og særorgan.")]
    [InlineData("Oppstart av studieutvikling i 2023, studieoppstart i 2024.")]
    [InlineData("Kripos er gitt oppdraget i resultatavtalen for 2023 og rapporterer hvert tertial.")]
    [InlineData("PHS er gitt i oppdrag å videreføre stabs- og lederutviklingsprogram 2024-2026.")]
    [InlineData("Politidirektoratet vil på bakgrunn av rapporten fra 25. juni-utvalget vurdere behov for klargjøring.")]
    [InlineData("Ordningen skal gjelde fra 1. januar 2024.")]
    [InlineData("Tentativ oppstart 3.kvartal")]
    [InlineData("Konseptet Rettferdig politi 2023 skal videreføres.")]
    [InlineData("")]
    public void Dates_that_record_events_or_starts_are_not_deadlines(string remark)
    {
        var facts = RemarkFactsExtractor.Extract(remark, "nb");

        Assert.Null(facts.Deadline);
        Assert.Null(facts.DeadlineText);
    }

    [Theory]
    [InlineData("A national police emergency response centre will operate from 1 January 2021.")]
    [InlineData("In 2011, the police needed approval at the political level, which proved to be time-consuming.")]
    [InlineData("Establishment of a new situation centre in 2016 to obtain a continuous overview.")]
    [InlineData("The number of officers has increased by 3,495.")]
    public void English_records_and_starts_are_not_deadlines(string remark) =>
        Assert.Null(RemarkFactsExtractor.Extract(remark, "en").Deadline);

    [Fact]
    public void A_date_introduced_by_innen_or_frist_wins_over_other_forward_dates()
    {
        var facts = RemarkFactsExtractor.Extract(
            "Arbeidsgruppe nedsettes innen 15. august 2023. Nasjonal felles retningslinje utarbeides høsten 2023.", "nb");
        Assert.Equal(new DateOnly(2023, 8, 15), facts.Deadline);

        facts = RemarkFactsExtractor.Extract(
            "Arbeidet skal starte i september 2023. Retningslinjen ble godkjent 29.11.2022, frist for implementering er 1. mars 2024.", "nb");
        Assert.Equal(new DateOnly(2024, 3, 1), facts.Deadline);
        Assert.Equal("1. mars 2024", facts.DeadlineText);
    }

    [Fact]
    public void Owners_are_canonical_units_in_order_of_first_appearance_without_duplicates()
    {
        var facts = RemarkFactsExtractor.Extract(
            "Samarbeid mellom PST og politiet. Kripos er gitt oppdraget og rapporterer hvert tertial til POD. PST deltar.", "nb");

        Assert.Equal(["PST", "Kripos", "POD"], facts.Owners);
    }

    [Theory]
    [InlineData("Politiets sikkerhetstjeneste og Politidirektoratet har ansvaret.", new[] { "PST", "POD" })]
    [InlineData("Politiets Sikkerhetstjeneste (PST) og Politihøgskolen.", new[] { "PST", "PHS" })]
    [InlineData("I samråd med Justis- og beredskapsdepartementet og NIM.", new[] { "JD", "NIM" })]
    [InlineData("POD har kontakt med Oslo politidistrikt (OPD). Oslo pd følger opp.", new[] { "POD", "Oslo pd" })]
    [InlineData("Politidistriktene skal rapportere; alle politidistrikter og særorgan.", new[] { "Politidistriktene", "Særorganene" })]
    [InlineData("Tilgang på PODs og NIMs vurderinger.", new[] { "POD", "NIM" })]
    [InlineData("Sammen med PST og KDI. Godkjent av Helsedirektoratet.", new[] { "PST", "KDI", "Helsedirektoratet" })]
    [InlineData("Opplæring i Politiets utlendingsenhet.", new[] { "PU" })]
    [InlineData("The Norwegian Police Security Service and the National Police Directorate.", new[] { "PST", "POD" })]
    public void Owner_aliases(string remark, string[] owners) =>
        Assert.Equal(owners, RemarkFactsExtractor.Extract(remark, "nb").Owners);

    [Theory]
    [InlineData("UPSTREAM-systemet og PSTN-nettet")]
    [InlineData("En podcast om tiltaket; pst, sa han.")]
    [InlineData("Radikaliseringskontaktene i kriposkurset")]
    [InlineData("Kjedekoblingen JDX og PUSH-varsler")]
    [InlineData("Politiet skal utvikle politidistriktsvise rutiner")]
    public void No_owner_inside_other_words_or_in_lower_case_acronyms(string remark) =>
        Assert.Empty(RemarkFactsExtractor.Extract(remark, "nb").Owners);

    [Fact]
    public void A_longer_alias_hides_the_shorter_one_inside_it() =>
        Assert.Equal(["Oslo pd"], RemarkFactsExtractor.Extract("Oslo politidistrikt har en egen oppfølging.", "nb").Owners);
}
