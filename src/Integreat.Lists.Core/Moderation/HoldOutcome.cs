using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Moderation;

/// <summary>The result of a moderator's decision, in both languages of a reply.</summary>
/// <param name="Done">False when the hold was unknown or already decided.</param>
/// <param name="German">What happened, in German.</param>
/// <param name="English">What happened, in English.</param>
public sealed record HoldOutcome(bool Done, string German, string English)
{
    /// <summary>The outcome for a hold id that does not exist (any more), when only the id is known (an operator
    /// typed it, or a page address carries it).</summary>
    public static HoldOutcome Unknown(string id) => new(false,
        $"Die zurückgehaltene Nachricht {id} gibt es nicht (mehr); vielleicht hat schon jemand entschieden.",
        $"There is no held post {id} (any more); someone may have decided already.");

    /// <summary>The outcome for the post <paramref name="name"/> that is no longer held: someone else decided
    /// first (by mail, on the web, by CLI or API), or it expired.</summary>
    public static HoldOutcome Unknown(PostName name) => new(false,
        $"Die Nachricht {name.German} wird nicht mehr zurückgehalten: Jemand anderes hat schon entschieden, oder sie ist abgelaufen. Sie müssen nichts mehr tun.",
        $"The post {name.English} is no longer held: someone else decided already, or it expired. There is nothing left to do.");

    /// <summary>The outcome for the post <paramref name="name"/> that <paramref name="decision"/> (its audit entry,
    /// command <c>approve|reject|discard|expire ID</c>) took out of the hold: what happened and by whom, so a late
    /// answer learns whether the post went out.</summary>
    public static HoldOutcome Decided(PostName name, AuditEntry decision)
    {
        var by = decision.Actor.Contains('@') ? (" von " + decision.Actor, " by " + decision.Actor)
            : decision.Channel == "cli" ? (" auf dem Server", " on the server") : ("", "");
        var (german, english) = decision.Command.Split(' ')[0] switch
        {
            "approve" => ($"wurde schon{by.Item1} freigegeben und an die Mitglieder verteilt", $"was approved{by.Item2} already and delivered to the members"),
            "reject" => ($"wurde schon{by.Item1} abgelehnt", $"was rejected{by.Item2} already"),
            "expire" => ("ist abgelaufen und wurde verworfen", "expired and was discarded"),
            _ => ($"wurde schon{by.Item1} verworfen", $"was discarded{by.Item2} already"),
        };
        return new(false, $"Die Nachricht {name.German} {german}. Sie müssen nichts mehr tun.",
            $"The post {name.English} {english}. There is nothing left to do.");
    }
}
