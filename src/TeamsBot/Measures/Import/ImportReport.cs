namespace TeamsBot.Measures.Import;

public sealed record ImportReport(
    IReadOnlyList<ImportProblem> Problems,
    int PlansWritten,
    int MeasuresCreated,
    int MeasuresUpdated,
    int MeasuresUnchanged,
    IReadOnlyList<string> MeasuresNotInFile)
{
    public bool Succeeded => Problems.Count == 0;

    public static ImportReport Failed(IReadOnlyList<ImportProblem> problems) => new(problems, 0, 0, 0, 0, []);
}
