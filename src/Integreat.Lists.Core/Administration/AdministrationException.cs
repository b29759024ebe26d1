namespace Integreat.Lists.Core.Administration;

/// <summary>An administrative request cannot be carried out because of its input (an invalid address, an unknown
/// list or queue entry) or a rule of the roster (the last owner stays); nothing was changed.
/// <see cref="Exception.Message"/> is one English line naming what is wrong, e.g. <c>'foo' is not a valid address</c>,
/// fit to print after <c>error: </c> (CLI) and to return as a problem detail (API).</summary>
/// <param name="message">The English line.</param>
/// <param name="german">The same line in German (Sie-Form) for the web admin area, or null when there is none.</param>
public sealed class AdministrationException(string message, string? german = null) : Exception(message)
{
    /// <summary>The line in German, shown first by the web admin area; null when only <see cref="Exception.Message"/>
    /// (English) exists.</summary>
    public string? German { get; } = german;
}
