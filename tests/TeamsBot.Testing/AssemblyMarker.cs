namespace TeamsBot.Testing;
internal static class AssemblyMarker;
