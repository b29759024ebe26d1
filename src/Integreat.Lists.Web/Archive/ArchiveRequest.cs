using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Archiving;
using Integreat.Lists.Core.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using Integreat.Lists.Web.Pages;

namespace Integreat.Lists.Web.Archive;

/// <summary>A request for one list's archive that passed <see cref="ArchiveAccess"/>, with what its page needs.</summary>
/// <param name="Context">The HTTP request.</param>
/// <param name="Ui">The page language.</param>
/// <param name="Texts">The archive's words in that language.</param>
/// <param name="List">The list.</param>
/// <param name="Store">The archive.</param>
/// <param name="Options">Section <c>Archive</c>.</param>
public sealed record ArchiveRequest(HttpContext Context, Ui Ui, ArchiveTexts Texts, MailingList List, IArchiveStore Store, ArchiveOptions Options)
{
    /// <summary>The list's archive path, e.g. <c>/archive/bayern@lists.integreat.example</c>.</summary>
    public string Base => ArchiveLinks.ListPath(List.Address);

    /// <summary>Opens <paramref name="list"/>'s archive for the request, or returns the page that refuses it.</summary>
    public static (ArchiveRequest? Request, IResult? Denied) Open(HttpContext context, string list)
    {
        var ui = Ui.For(context);
        var texts = ArchiveTexts.For(ui.English);
        var services = context.RequestServices;
        var (opened, denied) = services.GetRequiredService<ArchiveAccess>().Open(context, list, ui, texts);
        if (opened is null) return (null, denied);
        return (new ArchiveRequest(context, ui, texts, opened, services.GetRequiredService<IArchiveStore>(),
            services.GetRequiredService<IOptions<ArchiveOptions>>().Value), null);
    }

    /// <summary>The page frame around <paramref name="main"/>, with the list's name in the title.</summary>
    public IResult Page(string title, string main) => Pages.Page.Render(Context, Ui, title, Navigation() + main);

    /// <summary>The 404 page.</summary>
    public IResult NotFound() => ArchiveAccess.NotFound(Context, Ui, Texts);

    /// <summary>How a post's sender is shown (<see cref="ArchiveOptions.SenderAddress"/>).</summary>
    public string Sender(ArchivedPost post)
    {
        var local = post.SenderAddress.Split('@')[0];
        var name = post.SenderName.Length > 0 ? post.SenderName : local;
        return Options.SenderAddress == ArchiveOptions.Obfuscated && post.SenderAddress.Length > 0
            ? $"{name} ({post.SenderAddress.Replace("@", " at ", StringComparison.Ordinal)})" : name;
    }

    /// <summary>A link to a post.</summary>
    public string PostLink(ArchivedPost post)
        => $"<a href=\"{Html.E(Base)}/post/{Html.Segment(post.Id)}\">{Html.E(post.Subject.Length > 0 ? post.Subject : "(–)")}</a>";

    /// <summary>The search form and the link back to the list's archive.</summary>
    string Navigation()
        => $"<nav aria-label=\"{Texts.Archive}\"><p><a href=\"{Html.E(Base)}\">{Texts.Archive}: {Html.E(List.Name)}</a></p>\n" +
           $"<form method=\"get\" action=\"{Html.E(Base)}/search\" role=\"search\"><label for=\"q\">{Texts.SearchLabel}</label>" +
           $" <input type=\"search\" id=\"q\" name=\"q\" value=\"{Html.E(Context.Request.Query["q"].ToString())}\">" +
           $"<button type=\"submit\">{Texts.Search}</button></form></nav>\n";
}
