using TeamsBot.Measures;

namespace TeamsBot.Tests.Measures;

public class StatusCountsTests
{
    private static Measure M(string id, MeasureStatus status, DateOnly? deadline = null) => new()
    {
        PlanId = "p", Id = id, AreaId = "a", Order = 1, Title = id, Status = status, Deadline = deadline,
    };

    [Fact]
    public void Counts_per_status_total_and_overdue_in_both_reading_orders()
    {
        var today = new DateOnly(2026, 11, 22);
        var counts = StatusCounts.Of(
            [
                M("1", MeasureStatus.InProgress, today.AddDays(-1)), M("2", MeasureStatus.InProgress), M("3", MeasureStatus.Implemented, today.AddDays(-9)),
                M("4", MeasureStatus.UnderPlanning),
            ], today);

        Assert.Equal((4, 1), (counts.Total, counts.Overdue));
        Assert.Equal(2, counts.ByStatus[MeasureStatus.InProgress]);
        Assert.Equal([MeasureStatus.UnderPlanning, MeasureStatus.InProgress, MeasureStatus.Implemented], counts.InLifecycleOrder.Select(c => c.Status));
        Assert.Equal([MeasureStatus.Implemented, MeasureStatus.InProgress, MeasureStatus.UnderPlanning], counts.InProgressOrder.Select(c => c.Status));
    }
}
