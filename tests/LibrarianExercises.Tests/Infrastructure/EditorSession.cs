using AngleSharp.Html.Dom;
using LibrarianExercises.Web.Services.Editors;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Infrastructure;

/// <summary>
/// An editor's browser without JavaScript: signed in through the real sign-in form, keeping its cookies, posting
/// forms with the antiforgery token the page carried. Over https, as the sign-in cookie is Secure.
/// </summary>
public sealed class EditorSession : IDisposable
{
    public const string DefaultEmail = "editor@example.org";
    public const string DefaultPassword = "a long phrase for the catalogue";

    private EditorSession(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static HttpClient CreateClient(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
            HandleCookies = true,
        });

    public static async Task AddEditorAsync(WebApplicationFactory<Program> app, string email = DefaultEmail, string password = DefaultPassword)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<EditorAccounts>().AddAsync(email, password);
        if (!result.Succeeded && result.Outcome != EditorAccountOutcome.AlreadyExists)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors));
        }
    }

    /// <summary>Makes the editor if needed and signs in; fails the test if sign-in does not succeed.</summary>
    public static async Task<EditorSession> SignInAsync(WebApplicationFactory<Program> app, string email = DefaultEmail, string password = DefaultPassword)
    {
        await AddEditorAsync(app, email, password);
        var session = new EditorSession(CreateClient(app));
        using var response = await session.SignInAttemptAsync(email, password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            session.Dispose();
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}.");
        }

        return session;
    }

    public static EditorSession Anonymous(WebApplicationFactory<Program> app) => new(CreateClient(app));

    public async Task<HttpResponseMessage> SignInAttemptAsync(string email, string password) =>
        await SubmitAsync("/account/login", "form.account-form", new() { ["Email"] = email, ["Password"] = password });

    public async Task<IHtmlDocument> GetDocumentAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return await LibrarianAppFactory.ParseAsync(response);
    }

    public async Task<FetchedPage> FetchAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return new FetchedPage(response.StatusCode, await LibrarianAppFactory.ParseAsync(response));
    }

    /// <summary>
    /// Opens <paramref name="pagePath"/>, fills the form matching <paramref name="formSelector"/> (its own values,
    /// hidden ones included, then <paramref name="fields"/>) and sends it to its action, or to the button's
    /// <c>formaction</c> when <paramref name="button"/> names one.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pagePath, string formSelector, Dictionary<string, string> fields, string? button = null) =>
        await SubmitAsync(await GetDocumentAsync(pagePath), formSelector, fields, button, pagePath);

    /// <summary>As above, with a page already in hand, such as one a post answered with.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, string formSelector, Dictionary<string, string> fields, string? button = null, string? pagePath = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(fields);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"{pagePath ?? "The page"} has no form {formSelector}.");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>())
        {
            if (input.Name is null || input.Type is "submit" or "button" or "file" || (input.Type is "checkbox" or "radio" && !input.IsChecked))
            {
                continue;
            }

            values.Add(new(input.Name, input.Value));
        }

        foreach (var area in form.Elements.OfType<IHtmlTextAreaElement>().Where(t => t.Name is not null))
        {
            values.Add(new(area.Name!, area.Value));
        }

        foreach (var select in form.Elements.OfType<IHtmlSelectElement>().Where(s => s.Name is not null))
        {
            values.AddRange(select.SelectedOptions.Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
        }

        values.RemoveAll(v => fields.ContainsKey(v.Key));
        values.AddRange(fields);
        var action = form.GetAttribute("action") ?? pagePath ?? throw new InvalidOperationException($"The form {formSelector} has no action.");
        if (button is not null)
        {
            var submitter = form.QuerySelector(button) as IHtmlButtonElement ?? throw new InvalidOperationException($"No button {button}.");
            action = submitter.GetAttribute("formaction") ?? action;
            if (submitter.Name is { Length: > 0 } name)
            {
                values.Add(new(name, submitter.Value));
            }
        }

        return await PostAsync(action, values);
    }

    /// <summary>Posts to <paramref name="action"/> with the antiforgery token of the editors' desk.</summary>
    public async Task<HttpResponseMessage> PostWithTokenAsync(string action, IEnumerable<KeyValuePair<string, string>> fields, string tokenPage = "/admin")
    {
        var page = await GetDocumentAsync(tokenPage);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{tokenPage} carries no antiforgery token.");
        return await PostAsync(action, fields.Append(new("__RequestVerificationToken", token)));
    }

    public async Task<HttpResponseMessage> PostAsync(string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await Client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public void Dispose() => Client.Dispose();
}
