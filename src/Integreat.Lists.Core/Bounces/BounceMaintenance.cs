using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Delivering;

namespace Integreat.Lists.Core.Bounces;

/// <summary>The periodic step of bounce processing: scores the failures our own delivery recorded (5xx replies and
/// give-ups, <see cref="DeliveryProcessor"/>), then runs each member's timed step (probe passed, score reset, next
/// warning, removal) as of the injected clock's now.</summary>
public sealed class BounceMaintenance(
    IListRepository lists,
    IRosterRepository roster,
    IBounceEventStore events,
    BounceActions actions,
    TimeProvider time)
{
    /// <summary>Runs one pass.</summary>
    /// <returns>How many members changed (a scored delivery failure or a timed step).</returns>
    public int Run()
    {
        var changed = ScoreDeliveryFailures();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var list in lists.All())
        foreach (var member in roster.WithBounceState(list.Address))
            if (actions.Maintain(list, member, now) != BounceStep.None) changed++;
        return changed;
    }

    /// <summary>Scores the failures our own delivery recorded and marks them scored.</summary>
    /// <returns>How many members they changed.</returns>
    public int ScoreDeliveryFailures()
    {
        var changed = 0;
        foreach (var bounce in events.Unscored())
        {
            var list = lists.Find(bounce.List);
            var member = list is null ? null : roster.Find(list.Address, bounce.Address);
            if (list is not null && member is not null)
            {
                // Our own delivery gave up with 4.4.7 after retrying 4xx replies: a temporary failure.
                var temporary = bounce.Dsn.StartsWith('4');
                actions.Score(list, member, bounce, BounceScoring.Weight(temporary, bounce.Dsn, bounce.Reply, actions.Options));
                changed++;
            }
            events.MarkScored(bounce.Id);
        }
        return changed;
    }
}
