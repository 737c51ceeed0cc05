namespace TeamsBot.Testing;

/// <summary>Locations inside the repository, found from the running test or bench binary.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding TeamsBot.sln, found by walking up from the binary's folder.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "TeamsBot.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException(
                $"Could not find TeamsBot.sln above '{AppContext.BaseDirectory}'; run from inside the repository.");
        }
    }

    public static string NodeModules => Path.Combine(Root, "node_modules");
}
