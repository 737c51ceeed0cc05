namespace TeamsBot.Cards;

/// <summary>
/// The named colors a Teams chart accepts for a data point (Microsoft.Teams.Cards' ChartColor). There is no "accent":
/// the semantic ones are good, warning, attention and neutral; the rest are palette colors.
/// </summary>
public enum AdaptiveChartColor
{
    Good,
    Warning,
    Attention,
    Neutral,
    CategoricalRed,
    CategoricalPurple,
    CategoricalLavender,
    CategoricalBlue,
    CategoricalLightBlue,
    CategoricalTeal,
    CategoricalGreen,
    CategoricalLime,
    CategoricalMarigold,
    Sequential1,
    Sequential2,
    Sequential3,
    Sequential4,
    Sequential5,
    Sequential6,
    Sequential7,
    Sequential8,
    DivergingBlue,
    DivergingLightBlue,
    DivergingCyan,
    DivergingTeal,
    DivergingYellow,
    DivergingPeach,
    DivergingLightRed,
    DivergingRed,
    DivergingMaroon,
    DivergingGray,
}

/// <summary>The palette a chart picks colors from for data points that name none (Microsoft.Teams.Cards' ChartColorSet).</summary>
public enum AdaptiveChartColorSet { Categorical, Sequential, Diverging }
