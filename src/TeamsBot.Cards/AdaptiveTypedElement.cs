namespace TeamsBot.Cards;

/// <summary>
/// What elements and actions have in common: a "type", and so they can stand in for one another's kind as a
/// <see cref="AdaptiveFallbackElement"/>. Named like the AdaptiveCards package's base class.
/// </summary>
public abstract class AdaptiveTypedElement;
