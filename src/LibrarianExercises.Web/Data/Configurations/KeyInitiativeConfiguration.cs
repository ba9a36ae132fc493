using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LibrarianExercises.Web.Data.Configurations;

internal sealed class KeyInitiativeConfiguration : IEntityTypeConfiguration<KeyInitiative>
{
    public void Configure(EntityTypeBuilder<KeyInitiative> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(20);
        builder.HasIndex(i => new { i.StrategicDirectionId, i.Code }).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(400);
        builder.Ignore(i => i.HasName);
    }
}
