namespace TeamsBot.Cards;

/// <summary>Marks a list whose empty value means something different from its absence, so "[]" is written.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SerializeWhenEmptyAttribute : Attribute;
