using System.Collections.Frozen;

namespace TeamsBot.Chat.Understanding;

/// <summary>
/// The names people give a plan that its id and title do not contain: the event it follows up («Utøya», «Oslo-skytingen»,
/// "the 2011 bombing in Oslo") or its issuer. Words, not sentences: <see cref="PlanReferences"/> finds them as whole words.
/// </summary>
public static class PlanAliases
{
    public static FrozenDictionary<string, string[]> ByPlanId { get; } = new Dictionary<string, string[]>
    {
        ["22-juli"] =
        [
            "utøya", "utoya", "utøyaangrepet", "regjeringskvartalet", "terrorangrepet i 2011", "terrorangrepene i 2011",
            "terrorangrepet 2011", "terrorangrepene 2011", "terroren i 2011", "terrorangrepet på utøya", "22 juli", "22-juli",
            "22 july", "july 22nd", "22nd of july", "the 2011 bombing in oslo", "the 2011 bombing", "2011 bombing",
            "the 2011 attacks", "2011 attacks", "the 2011 terror attacks", "the 2011 terror attack", "oslo bombing",
            "the oslo bombing", "the utøya attack", "the utoya attack", "the 22 july commission", "22 july commission",
            "22. juli-kommisjonen", "gjørv-kommisjonen", "gjørvkommisjonen", "2011-planen", "the 2011 plan", "2011 plan",
        ],
        ["25-juni"] =
        [
            "oslo-skytingen", "osloskytingen", "oslo skytingen", "skytingen i oslo i 2022", "skytingen i oslo",
            "skytingen i 2022", "pride-angrepet", "prideangrepet", "pride angrepet", "pride-skytingen", "angrepet på pride",
            "terrorangrepet i 2022", "terrorangrepet 25. juni", "london pub", "25 juni", "25 june", "june 25", "june 25th",
            "25th of june", "the oslo shooting", "oslo shooting", "the 2022 shooting", "2022 shooting", "the pride shooting",
            "pride shooting", "the pride attack", "pride attack", "the 2022 attack", "the 2022 terror attack", "2022-planen",
            "the 2022 plan", "2022 plan",
        ],
        ["faglige-rad-2025"] =
        [
            "politidirektørens faglige råd", "politidirektorens faglige rad", "politidirektørens råd", "faglige råd",
            "faglige rad", "faglig råd", "faglege råd", "fagleg råd", "faglige rådene", "de faglige rådene",
            "politidirektørens anbefalinger", "the police director s advice", "the police director s professional advice",
            "the national police director s advice", "professional advice", "the professional advice", "police director s advice",
        ],
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
