namespace TeamsBot.Cards;

// Enumerations of the Adaptive Card schema. They serialize as camelCase strings ("extraLarge", "emphasis"); the first
// member of each is the schema default, which is left out of the JSON.

public enum AdaptiveSpacing { Default, None, Small, Medium, Large, ExtraLarge, Padding }

public enum AdaptiveHeight { Auto, Stretch }

public enum AdaptiveTextSize { Default, Small, Medium, Large, ExtraLarge }

public enum AdaptiveTextWeight { Default, Lighter, Bolder }

public enum AdaptiveTextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

public enum AdaptiveFontType { Default, Monospace }

public enum AdaptiveTextBlockStyle { Default, Heading }

public enum AdaptiveHorizontalAlignment { Left, Center, Right }

public enum AdaptiveVerticalAlignment { Top, Center, Bottom }

public enum AdaptiveContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }

public enum AdaptiveImageSize { Auto, Stretch, Small, Medium, Large }

public enum AdaptiveImageStyle { Default, Person }

/// <summary>Teams renders every action the same way: it ignores positive/destructive.</summary>
public enum AdaptiveActionStyle { Default, Positive, Destructive }

public enum AdaptiveAssociatedInputs { Auto, None }

public enum AdaptiveChoiceInputStyle { Compact, Expanded, Filtered }

public enum AdaptiveTextInputStyle { Text, Tel, Url, Email, Password }
