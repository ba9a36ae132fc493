using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LibrarianExercises.Web.Data.Configurations;

internal sealed class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> builder)
    {
        builder.Property(r => r.DisplayName).HasMaxLength(Models.ResponseForm.DisplayNameMaxLength);
        builder.Property(r => r.Organisation).HasMaxLength(Models.ResponseForm.OrganisationMaxLength);
        builder.Property(r => r.CountryCode).HasMaxLength(2);
        builder.Property(r => r.BodyMarkdown).HasMaxLength(Models.ResponseForm.TextMaxLength);
        builder.Property(r => r.HoldReason).HasMaxLength(200);
        builder.Property(r => r.ClientHash).HasMaxLength(64);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        // Pages of published responses per exercise, oldest first, and counts per exercise and status.
        builder.HasIndex(r => new { r.ExerciseId, r.Status, r.CreatedUtc });
        builder.Property(r => r.FormNonce).HasMaxLength(32);
        // A form is good for one response, across processes too: only the first response sent with a form keeps its
        // nonce (a replay is stored without it), and the database refuses a second. Rows without one are not compared.
        builder.HasIndex(r => r.FormNonce).IsUnique();
        // A client's recent held responses are counted for its cap.
        builder.HasIndex(r => new { r.ClientHash, r.Status, r.CreatedUtc });
        // Old spam is purged by age.
        builder.HasIndex(r => new { r.Status, r.CreatedUtc });
    }
}
