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

    /// <summary>
    /// The team's seed documents (shared/seeds), which live beside the repository, not in it: next to a clone, or further
    /// up for a worktree in a subfolder (e.g. wt/NAME beside shared/).
    /// </summary>
    public static string SharedSeeds
    {
        get
        {
            for (var dir = Directory.GetParent(Root); dir is not null; dir = dir.Parent)
            {
                var seeds = Path.Combine(dir.FullName, "shared", "seeds");
                if (Directory.Exists(seeds)) return seeds;
            }
            throw new InvalidOperationException($"No shared/seeds folder above {Root}.");
        }
    }

    private static string? FindRootAbove(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TeamsBot.sln"))) return dir.FullName;
        }
        return null;
    }
}
