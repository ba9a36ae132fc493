using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Auditing;
using Microsoft.AspNetCore.Identity;

namespace LibrarianExercises.Web.Services.Editors;

public enum EditorAccountOutcome
{
    Done,
    AlreadyExists,
    NotFound,
    Refused,
}

/// <param name="Errors">Why the password or address was refused, in words for the person typing it.</param>
public sealed record EditorAccountResult(EditorAccountOutcome Outcome, IReadOnlyList<string> Errors)
{
    public static EditorAccountResult Done { get; } = new(EditorAccountOutcome.Done, []);

    public bool Succeeded => Outcome == EditorAccountOutcome.Done;
}

/// <summary>
/// Makes and manages editors' accounts for the command-line verbs. Each change is recorded in the audit trail;
/// removing an editor deletes the account only, never what they did (the trail names them as text).
/// </summary>
public sealed class EditorAccounts(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, AuditTrail audit, LibrarianDbContext db)
{
    public async Task<EditorAccountResult> AddAsync(string email, string password)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (await users.FindByEmailAsync(email) is not null)
        {
            return new EditorAccountResult(EditorAccountOutcome.AlreadyExists, [$"There is already an editor with the address {email}."]);
        }

        if (!await roles.RoleExistsAsync(EditorRegistration.EditorRole))
        {
            await roles.CreateAsync(new IdentityRole(EditorRegistration.EditorRole));
        }

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Refused(created);
        }

        var inRole = await users.AddToRoleAsync(user, EditorRegistration.EditorRole);
        if (!inRole.Succeeded)
        {
            return Refused(inRole);
        }

        audit.Record(AuditEntities.Editor, email, AuditActions.Created);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return EditorAccountResult.Done;
    }

    /// <summary>Sets a new password, ends the lockout and signs the editor out everywhere else.</summary>
    public async Task<EditorAccountResult> ResetPasswordAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return NotFound(email);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var validation = await ValidateAsync(user, password);
        if (!validation.Succeeded)
        {
            return Refused(validation);
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return Refused(reset);
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        audit.Record(AuditEntities.Editor, email, AuditActions.PasswordReset);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return EditorAccountResult.Done;
    }

    public async Task<EditorAccountResult> RemoveAsync(string email)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return NotFound(email);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            return Refused(deleted);
        }

        audit.Record(AuditEntities.Editor, email, AuditActions.Removed);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return EditorAccountResult.Done;
    }

    private async Task<IdentityResult> ValidateAsync(IdentityUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors);
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private static EditorAccountResult NotFound(string email) =>
        new(EditorAccountOutcome.NotFound, [$"There is no editor with the address {email}."]);

    private static EditorAccountResult Refused(IdentityResult result) =>
        new(EditorAccountOutcome.Refused, [.. result.Errors.Select(e => e.Description)]);
}
