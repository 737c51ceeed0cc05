namespace TeamsBot.AppPackage.Tests;

/// <summary>Finds the repository (the folder holding manifest/validate.mjs) from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Manifest => Path.Combine(Root, "manifest");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "manifest", "validate.mjs")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No manifest/validate.mjs above {AppContext.BaseDirectory}.");
    }
}
