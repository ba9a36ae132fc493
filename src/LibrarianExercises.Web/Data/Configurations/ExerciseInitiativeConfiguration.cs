using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LibrarianExercises.Web.Data.Configurations;

internal sealed class ExerciseInitiativeConfiguration : IEntityTypeConfiguration<ExerciseInitiative>
{
    public void Configure(EntityTypeBuilder<ExerciseInitiative> builder)
    {
        builder.HasKey(l => new { l.ExerciseId, l.KeyInitiativeId });
        builder.HasIndex(l => l.KeyInitiativeId);
        builder.Property(l => l.PublishedLabel).HasMaxLength(1000);
        builder.HasOne(l => l.KeyInitiative)
            .WithMany()
            .HasForeignKey(l => l.KeyInitiativeId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
