namespace Integreat.Lists.Core.Commands;

/// <summary>The commands understood in command mail (Mailman's <c>commands/eml_*.py</c>, plus <c>info</c>).</summary>
public enum CommandWord
{
    /// <summary>A line that names no known command.</summary>
    Unknown,
    /// <summary><c>help</c>, <c>hilfe</c>: the command list.</summary>
    Help,
    /// <summary><c>join</c>, <c>subscribe</c>, <c>abonnieren</c>: start a subscription for the sender.</summary>
    Join,
    /// <summary><c>leave</c>, <c>unsubscribe</c>, <c>abmelden</c>: start an unsubscription for the sender.</summary>
    Leave,
    /// <summary><c>confirm TOKEN</c>, <c>bestätigen TOKEN</c>: answer a confirmation request.</summary>
    Confirm,
    /// <summary><c>who</c>, <c>mitglieder</c>: the roster, for owners only.</summary>
    Who,
    /// <summary><c>info</c>: the list's description.</summary>
    Info,
    /// <summary><c>end</c>, <c>ende</c>: stop reading.</summary>
    End,
    /// <summary><c>add ADDRESS [Name]</c>, <c>hinzufügen …</c>: an owner adds a member (after confirming by mail);
    /// <c>add owner|moderator ADDRESS</c> (<c>hinzufügen besitzer|moderator …</c>) gives an address that role.</summary>
    Add,
    /// <summary><c>remove ADDRESS</c>, <c>entfernen …</c>: an owner removes a member (after confirming by mail);
    /// <c>remove owner|moderator ADDRESS</c> takes that role away (the address stays a member).</summary>
    Remove,
    /// <summary><c>enable</c>, <c>aktivieren</c>: a member whose delivery was disabled (by bounces) gets posts again.</summary>
    Enable,
    /// <summary><c>set moderated ADDRESS on|off</c>, <c>setzen moderiert ADRESSE an|aus</c>: an admin holds a member's
    /// posts for moderation, or stops doing so (after confirming by mail).</summary>
    Set,
}
