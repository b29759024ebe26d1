using System.Security.Claims;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Model;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Web.Login;

/// <summary>Answers "who is signed in, and what may they do on list X" for every web area, from the roster and
/// <c>Web:SiteAdmins</c>. Registered in the web application's container by the login area.</summary>
/// <remarks>Read per request, so a roster change applies to the next request of an existing session.</remarks>
public sealed class WebAccess(IListRepository lists, IRosterRepository roster, IOptions<WebOptions> options)
{
    /// <summary>The authentication scheme (cookie) of the web port.</summary>
    public const string Scheme = "Integreat";

    /// <summary>The signed-in address (lower case, claim <see cref="ClaimTypes.Email"/>), or null.</summary>
    public static string? AddressOf(ClaimsPrincipal user)
        => user.Identity?.IsAuthenticated == true && user.FindFirst(ClaimTypes.Email)?.Value is { Length: > 0 } address ? address : null;

    /// <summary>True when <paramref name="address"/> is one of <c>Web:SiteAdmins</c> (any case).</summary>
    public bool IsSiteAdmin(string? address)
        => address is not null && options.Value.SiteAdmins.Any(a => EmailAddress.Normalise(a) == address);

    /// <summary>True when the signed-in person is a site admin.</summary>
    public bool IsSiteAdmin(ClaimsPrincipal user) => IsSiteAdmin(AddressOf(user));

    /// <summary>What the signed-in person may do on <paramref name="list"/> (its posting address, any case);
    /// <see cref="ListAccess.Anonymous"/> when nobody is signed in or the list does not exist.</summary>
    public ListAccess For(ClaimsPrincipal user, string list)
    {
        var address = AddressOf(user);
        var found = lists.Find(list.Trim());
        return address is null || found is null ? ListAccess.Anonymous : For(address, found);
    }

    /// <summary>What <paramref name="address"/> may do on <paramref name="list"/>.</summary>
    public ListAccess For(string address, MailingList list)
        => new(address, roster.Find(list.Address, address)?.Role, IsSiteAdmin(address), list.ModeratorsAreAdmins);

    /// <summary>The lists the signed-in person is on (or every list for a site admin), ordered by address.</summary>
    public IReadOnlyList<(MailingList List, ListAccess Access)> ListsOf(ClaimsPrincipal user)
    {
        var address = AddressOf(user);
        if (address is null) return [];
        return lists.All().Select(l => (List: l, Access: For(address, l))).Where(p => p.Access.CanRead).ToList();
    }

    /// <summary>True when <paramref name="address"/> may sign in at all: a site admin or on some roster.</summary>
    public bool IsKnown(string address) => IsSiteAdmin(address) || lists.All().Any(l => roster.Find(l.Address, address) is not null);
}
