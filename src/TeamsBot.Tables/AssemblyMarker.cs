namespace TeamsBot.Tables;
internal static class AssemblyMarker;
