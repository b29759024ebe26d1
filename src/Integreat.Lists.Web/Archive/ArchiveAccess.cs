using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Web.Login;
using Integreat.Lists.Web.Pages;
using Microsoft.AspNetCore.Http;

namespace Integreat.Lists.Web.Archive;

/// <summary>Who may read which archive: a <see cref="ArchivePolicy.Public"/> archive anyone; a
/// <see cref="ArchivePolicy.Members"/> archive only a signed-in person (cookie scheme "Integreat") on the list's
/// roster in any role, or a site admin (<see cref="ListAccess.CanRead"/>); an <see cref="ArchivePolicy.Off"/> archive
/// nobody.</summary>
public sealed class ArchiveAccess(IListRepository lists, WebAccess access)
{
    /// <summary>The list whose archive the request may read, or the page that says why not: 404 for no such list
    /// or an archive that is off (both look the same), 403 with a sign-in link for an anonymous visitor of a members'
    /// archive (no 401: there is no HTTP authentication scheme to challenge), 403 for a signed-in nonmember.</summary>
    public (MailingList? List, IResult? Denied) Open(HttpContext context, string address, Ui ui, ArchiveTexts texts)
    {
        var list = EmailAddress.TryParse(address, out var normalised) ? lists.Find(normalised) : null;
        if (list is null || list.Archive == ArchivePolicy.Off) return (null, NotFound(context, ui, texts));
        if (list.Archive == ArchivePolicy.Public) return (list, null);
        var reader = WebAccess.AddressOf(context.User);
        if (reader is null)
        {
            var back = Uri.EscapeDataString(context.Request.Path.ToUriComponent());
            return (null, Page.Render(context, ui, texts.Archive,
                $"<p>{Html.E(texts.SignInNeeded)}</p>\n<p><a href=\"/login?return={back}\">{Html.E(texts.SignIn)}</a></p>", StatusCodes.Status403Forbidden));
        }
        if (!access.For(reader, list).CanRead) return (null, Page.Message(context, ui, texts.Archive, texts.NotMember, StatusCodes.Status403Forbidden));
        return (list, null);
    }

    /// <summary>The 404 page.</summary>
    public static IResult NotFound(HttpContext context, Ui ui, ArchiveTexts texts)
        => Page.Message(context, ui, texts.Archive, texts.NotFound, StatusCodes.Status404NotFound);
}
