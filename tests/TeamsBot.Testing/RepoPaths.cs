namespace TeamsBot.Testing;

/// <summary>Locations inside the repository, found from the running test or bench binary.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding TeamsBot.sln: above the binary's folder, else above the current directory.</summary>
    public static string Root =>
        FindRootAbove(AppContext.BaseDirectory) ?? FindRootAbove(Environment.CurrentDirectory)
        ?? throw new InvalidOperationException(
            $"Could not find TeamsBot.sln above '{AppContext.BaseDirectory}' or '{Environment.CurrentDirectory}'; run from inside the repository.");

    public static string NodeModules => Path.Combine(Root, "node_modules");

    private static string? FindRootAbove(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TeamsBot.sln"))) return dir.FullName;
        }
        return null;
    }
}
