using System.ComponentModel.DataAnnotations;
using System.Text;

namespace LibrarianExercises.Web.Services.Editors;

/// <summary>
/// <c>add-editor EMAIL</c>, <c>reset-password EMAIL</c>, <c>remove-editor EMAIL</c>. A password is read from
/// standard input, never from the command line (where other users and the shell's history would see it), and is
/// not echoed when typed at a terminal.
/// </summary>
public static class EditorCommands
{
    public const string AddEditor = "add-editor";
    public const string ResetPassword = "reset-password";
    public const string RemoveEditor = "remove-editor";

    public static IReadOnlyList<string> Verbs { get; } = [AddEditor, ResetPassword, RemoveEditor];

    /// <returns>0 when done, 1 when refused (a weak password, an unknown or taken address), 2 for a usage error.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, string verb, string[] args, TextReader input, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        var positional = args.Where(a => !CommandLine.IsSetting(a)).ToList();
        if (positional.Count != 1 || positional[0].StartsWith('-'))
        {
            await errors.WriteLineAsync($"Usage: {verb} EMAIL" + (verb == RemoveEditor ? "" : "   (the password is read from standard input)"));
            return 2;
        }

        var email = positional[0].Trim();
        if (!new EmailAddressAttribute().IsValid(email) || email.Length > 256)
        {
            await errors.WriteLineAsync($"“{email}” is not an e-mail address.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<EditorAccounts>();
        EditorAccountResult result;
        if (verb == RemoveEditor)
        {
            result = await accounts.RemoveAsync(email);
        }
        else
        {
            var password = await ReadPasswordAsync(input, output, errors);
            if (password is null)
            {
                await errors.WriteLineAsync("No password was given on standard input.");
                return 2;
            }

            result = verb == AddEditor
                ? await accounts.AddAsync(email, password)
                : await accounts.ResetPasswordAsync(email, password);
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await errors.WriteLineAsync(error);
            }

            await errors.WriteLineAsync("Nothing was changed.");
            return 1;
        }

        await output.WriteLineAsync(verb switch
        {
            AddEditor => $"Editor {email} added. They can sign in at /account/login.",
            ResetPassword => $"The password of {email} is reset; their other sessions are signed out.",
            _ => $"Editor {email} removed. What they did stays in the audit trail.",
        });
        return 0;
    }

    /// <summary>At a terminal: typed twice, with nothing shown. Otherwise: the first line of standard input.</summary>
    private static async Task<string?> ReadPasswordAsync(TextReader input, TextWriter output, TextWriter errors)
    {
        if (!ReferenceEquals(input, Console.In) || Console.IsInputRedirected)
        {
            var line = await input.ReadLineAsync();
            return string.IsNullOrEmpty(line) ? null : line;
        }

        await output.WriteAsync($"Password (at least {EditorPasswordValidator.MinimumLength} characters; a phrase is best): ");
        var first = ReadHidden();
        await output.WriteAsync("The same password again: ");
        var second = ReadHidden();
        if (first != second)
        {
            await errors.WriteLineAsync("The two passwords differ.");
            return null;
        }

        return first.Length == 0 ? null : first;
    }

    private static string ReadHidden()
    {
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }

                continue;
            }

            if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
