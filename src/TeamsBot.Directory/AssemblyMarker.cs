namespace TeamsBot.Directory;
internal static class AssemblyMarker;
