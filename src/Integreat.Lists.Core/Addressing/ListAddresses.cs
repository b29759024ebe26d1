namespace Integreat.Lists.Core.Addressing;

/// <summary>The addresses of one list, derived from its posting address.</summary>
/// <param name="LocalPart">The list's local part, e.g. <c>bayern</c>.</param>
/// <param name="Domain">The list domain, e.g. <c>lists.integreat.example</c>.</param>
public sealed record ListAddresses(string LocalPart, string Domain)
{
    /// <summary><c>LIST@DOMAIN</c>.</summary>
    public string Posting => $"{LocalPart}@{Domain}";
    /// <summary><c>LIST-request@DOMAIN</c>.</summary>
    public string Request => $"{LocalPart}-request@{Domain}";
    /// <summary><c>LIST-owner@DOMAIN</c>.</summary>
    public string Owner => $"{LocalPart}-owner@{Domain}";
    /// <summary><c>LIST-bounces@DOMAIN</c>, the envelope sender of everything the list sends.</summary>
    public string Bounces => $"{LocalPart}-bounces@{Domain}";
    /// <summary><c>LIST-join@DOMAIN</c>.</summary>
    public string Join => $"{LocalPart}-join@{Domain}";
    /// <summary><c>LIST-leave@DOMAIN</c>.</summary>
    public string Leave => $"{LocalPart}-leave@{Domain}";

    /// <summary>Splits a normalised posting address into its parts.</summary>
    public static ListAddresses For(string postingAddress)
    {
        var at = postingAddress.LastIndexOf('@');
        return new ListAddresses(postingAddress[..at], postingAddress[(at + 1)..]);
    }
}
