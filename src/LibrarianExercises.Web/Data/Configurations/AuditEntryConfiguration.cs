using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LibrarianExercises.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.Detail).HasMaxLength(500);
        builder.Property(a => a.EntityType).HasMaxLength(32);
        builder.Property(a => a.EntityKey).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(32);
        builder.Property(a => a.ActorKind).HasConversion<string>().HasMaxLength(16);
        // The trail is read newest first, whole or by exercise or by actor.
        builder.HasIndex(a => a.WhenUtc);
        builder.HasIndex(a => new { a.ExerciseNumber, a.WhenUtc });
        builder.HasIndex(a => new { a.Actor, a.WhenUtc });
    }
}
