namespace TeamsBot.Chat.Search;

/// <summary>The parts of a measure the search reads, and how much a word found in each counts (BM25F field weights).</summary>
internal static class SearchField
{
    public const int Aliases = 0;
    public const int Title = 1;
    public const int Area = 2;
    public const int Owners = 3;
    public const int Remark = 4;
    public const int Count = 5;

    // An alias ("PLIVO") is a name the plan gives the measure; the title says what it is; area and owners place it;
    // the remark is long prose where a word says least.
    public static readonly double[] Weights = [6.0, 3.0, 1.5, 1.5, 1.0];
}
