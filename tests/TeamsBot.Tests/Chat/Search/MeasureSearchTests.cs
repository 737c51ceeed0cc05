using TeamsBot.Chat.Search;
using TeamsBot.Measures;
using Xunit.Abstractions;

namespace TeamsBot.Tests.Chat.Search;

public sealed class MeasureSearchTests(ITestOutputHelper output)
{
    private static readonly Lazy<MeasureSearch> Shared = new(() => new MeasureSearch(PlanDataIndex.Load()));
    private static MeasureSearch Search => Shared.Value;

    [Theory]
    // Norwegian, as written in the plans and inflected
    [InlineData("PLIVO prosedyre", "25-juni-22")]
    [InlineData("revisjon av PLIVO-prosedyrene", "25-juni-22")]
    [InlineData("retningslinjene for politiets møter med barn", "25-juni-05")]
    [InlineData("nasjonale øvelser", "25-juni-23")]
    [InlineData("trusselvurderinger og etterretningsprodukter", "25-juni-28")]
    [InlineData("sikkerhetsklarering av personell", "25-juni-11")]
    [InlineData("kontaktpunkt for helseforetakene", "25-juni-04")]
    [InlineData("samarbeidsavtale med helseforetak", "25-juni-03")]
    [InlineData("evaluering av radikaliseringskontakt-funksjonen", "25-juni-14")]
    [InlineData("studieemne forebygging av radikalisering", "25-juni-15")]
    [InlineData("rettferdig politi", "25-juni-17")]
    [InlineData("instruksjonsmyndighet", "25-juni-30")]
    [InlineData("internasjonalt politisamarbeid", "faglige-rad-2025-05")]
    [InlineData("forutsigbar finansiering av drift", "faglige-rad-2025-09")]
    [InlineData("Hva er status på risikovurderingsverktøyet?", "25-juni-06")]
    // Compounds and hyphens, every way round
    [InlineData("risikovurderingsverktøy", "25-juni-06")]
    [InlineData("mangfolds-koordinatorer", "25-juni-16")]
    [InlineData("mangfoldskoordinator", "25-juni-16")]
    [InlineData("mangfold koordinator", "25-juni-16")]
    [InlineData("stabs- og lederutviklingsprogrammet", "25-juni-24")]
    [InlineData("beredskapsordning lederstøtte", "25-juni-21")]
    // Typos and missing æ/ø/å
    [InlineData("risikovurderingsverkty", "25-juni-06")]
    [InlineData("sikkerhetsklaerering", "25-juni-11")]
    [InlineData("oevelser nasjonale", "25-juni-23")]
    [InlineData("nodnett", "22-juli-07")]
    // Aliases
    [InlineData("OP Anker", "25-juni-12")]
    [InlineData("Infohus", "25-juni-01")]
    [InlineData("NBN-VTC", "25-juni-26")]
    [InlineData("nbn vtc", "25-juni-26")]
    [InlineData("PAV", "25-juni-25")]
    [InlineData("Nødnett", "22-juli-07")]
    // English questions about Norwegian measures, and the other way round
    [InlineData("risk assessment tool", "25-juni-06")]
    [InlineData("guidelines for sharing information with the health service", "25-juni-02")]
    [InlineData("security clearance for radicalisation staff", "25-juni-11")]
    [InlineData("national exercises", "25-juni-23")]
    [InlineData("evaluate the radicalisation contact function", "25-juni-14")]
    [InlineData("human rights assessment from NIM", "25-juni-29")]
    [InlineData("leadership development programme", "25-juni-24")]
    [InlineData("helicopters", "22-juli-06")]
    [InlineData("helikopter", "22-juli-06")]
    [InlineData("situation centre", "22-juli-03")]
    [InlineData("assistance instructions armed forces", "22-juli-04")]
    [InlineData("firearms training", "22-juli-01")]
    [InlineData("threatened minorities", "25-juni-13")]
    [InlineData("counter terrorism unit", "22-juli-08")]
    [InlineData("what is the status of the PLIVO procedure revision", "25-juni-22")]
    public void The_right_measure_comes_first(string query, string expectedId)
    {
        var hits = Search.Search(query);
        Explain(query, hits);
        Assert.NotEmpty(hits);
        Assert.Equal(expectedId, hits[0].Measure.Id);
    }

    [Theory]
    [InlineData("risikovurderingsverktøy")]
    [InlineData("risk assessment tool")]
    [InlineData("OP Anker")]
    [InlineData("mangfolds-koordinatorer")]
    [InlineData("guidelines for sharing information with the health service")]
    [InlineData("revisjon av PLIVO-prosedyrene")]
    public void A_clear_winner_is_confident(string query)
    {
        var hits = Search.Search(query);
        Explain(query, hits);
        Assert.True(Search.IsConfident(hits));
    }

    [Theory]
    [InlineData("xyzzy plugh")]
    [InlineData("asdf qwerty zxcv")]
    [InlineData("blåbærsyltetøy med vaffel")]
    [InlineData("the and of")]
    [InlineData("")]
    public void Nonsense_gives_no_confident_hit(string query)
    {
        var hits = Search.Search(query);
        Explain(query, hits);
        Assert.False(Search.IsConfident(hits));
    }

    [Fact]
    public void A_name_two_measures_share_gives_both_as_candidates()
    {
        var hits = Search.Search("PLIVO");
        Explain("PLIVO", hits);
        Assert.Equal(["22-juli-05", "25-juni-22"], hits.Take(2).Select(h => h.Measure.Id).Order());
        Assert.False(Search.IsConfident(hits));
    }

    [Fact]
    public void Hits_explain_what_matched()
    {
        var hit = Search.Search("risk assessment tool")[0];
        Assert.Contains("risikovurderingsverktøy", hit.MatchedTerms);
        Assert.InRange(hit.Coverage, 0.6, 1);
    }

    [Fact]
    public void A_stem_counts_only_in_the_language_whose_stemmer_made_it()
    {
        // The English stem of "deling" is "del", which Norwegian text has as a word of its own ("en fast del av").
        var hits = Search.Search("deling");
        Assert.NotEmpty(hits);
        Assert.DoesNotContain(hits, h => h.Measure.Id == "25-juni-22");
        Assert.Equal("22-juli-01", Search.Search("training")[0].Measure.Id);
    }

    [Fact]
    public void Filter_and_top_limit_the_hits()
    {
        var hits = Search.Search("samhandling politiet PST", top: 3, filter: m => m.Status == MeasureStatus.UnderPlanning);
        Assert.InRange(hits.Count, 1, 3);
        Assert.All(hits, h => Assert.Equal(MeasureStatus.UnderPlanning, h.Measure.Status));
        Assert.Empty(Search.Search("PLIVO", top: 0));
    }

    [Theory]
    [InlineData("PLIVO' or PartitionKey ne '' or '1' eq '1")]
    [InlineData("PLIVO\"; DROP TABLE Measures; --")]
    [InlineData("<script>alert('x')</script> PLIVO $filter=RowKey%20eq%20'x' & $top=1000")]
    [InlineData("PLIVO {{ }} \\ / # ? % \u0000 \u202E")]
    public void Query_syntax_and_markup_in_a_question_are_only_text(string query)
    {
        var hits = Search.Search(query);
        Explain(query, hits);
        Assert.NotEmpty(hits);
        Assert.Contains(hits.Take(2), h => h.Measure.Id is "25-juni-22" or "22-juli-05");
    }

    [Fact]
    public void Long_queries_are_cut_and_stay_harmless()
    {
        var query = string.Concat(Enumerable.Repeat("PLIVO risiko ", 2000));
        Assert.NotEmpty(Search.Search(query));
    }

    [Fact]
    public void The_index_follows_the_measure_index_snapshot()
    {
        var index = PlanDataIndex.Load();
        var search = new MeasureSearch(index);
        Assert.Empty(search.Search("snøskuterpatrulje"));

        var measure = index.Current.Find("25-juni", "25-juni-08")!;
        index.Apply([measure with { Title = "Snøskuterpatrulje på Finnmarksvidda", Version = "v2", UpdatedAt = DateTimeOffset.UtcNow }]);

        var hits = AfterTheRebuild(search, "snøskuterpatruljer");
        Assert.Equal("25-juni-08", Assert.Single(hits).Measure.Id);
    }

    [Fact]
    public void A_renamed_area_is_found_once_the_plan_changes()
    {
        var index = PlanDataIndex.Load();
        var search = new MeasureSearch(index);
        Assert.Empty(search.Search("kvantekryptografi"));

        var plan = index.Current.Plans["25-juni"];
        index.Apply(plan with { Areas = [.. plan.Areas.Select(a => a.Id == "kommunikasjon" ? a with { Title = "Kvantekryptografi" } : a)] });

        Assert.Equal("25-juni-20", Assert.Single(AfterTheRebuild(search, "kvantekryptografi")).Measure.Id);
    }

    [Fact]
    public void Concurrent_queries_on_a_changing_index_are_safe()
    {
        var index = PlanDataIndex.Load();
        var search = new MeasureSearch(index);
        var measure = index.Current.Find("25-juni", "25-juni-08")!;
        Parallel.For(0, 200, i =>
        {
            if (i % 20 == 0)
                index.Apply([measure with { Remark = $"endret {i}", Version = $"v{i}", UpdatedAt = DateTimeOffset.UtcNow.AddTicks(i) }]);
            Assert.Equal("25-juni-06", search.Search("risikovurderingsverktøy")[0].Measure.Id);
        });
    }

    /// <summary>
    /// A changed snapshot's index is built in the background while queries use the previous one
    /// (SearchIndexRebuildTests): query until the rebuilt index answers.
    /// </summary>
    private static IReadOnlyList<SearchHit> AfterTheRebuild(MeasureSearch search, string query)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var hits = search.Search(query);
            if (hits.Count > 0 || DateTime.UtcNow > deadline) return hits;
            Thread.Sleep(10);
        }
    }

    private void Explain(string query, IReadOnlyList<SearchHit> hits)
    {
        output.WriteLine($"{query} → confident: {Search.IsConfident(hits)}");
        foreach (var hit in hits.Take(3))
            output.WriteLine($"  {hit.Measure.Id} {hit.Score:F3} cov {hit.Coverage:F2} [{string.Join(", ", hit.MatchedTerms)}]");
    }
}
