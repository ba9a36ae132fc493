using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LibrarianExercises.Web.Data.Configurations;

internal sealed class ExerciseConfiguration : IEntityTypeConfiguration<Exercise>
{
    public void Configure(EntityTypeBuilder<Exercise> builder)
    {
        builder.HasIndex(e => e.Number).IsUnique();
        builder.HasIndex(e => e.PublishedOn);
        // The published exercises by number, in an index narrow enough to read whole: counting them, listing them by
        // number and walking them from the newest down (the latest, on the home page) read it and not the table,
        // whose rows carry the exercises' text (at 10,000 exercises a count read 30 ms of table pages, the index
        // under 1 ms). The partial mark is last: the rule's "not partial" is no equality an index can seek, but read
        // from the index it spares a visit to each row, and the number before it keeps the index's order by number.
        builder.HasIndex(e => new { e.RetiredUtc, e.Number, e.BodyIsExcerpt });
        builder.Property(e => e.Title).HasMaxLength(300);
        builder.Property(e => e.Slug).HasMaxLength(300);
        builder.Property(e => e.SourceUrl).HasMaxLength(2000);
        builder.Property(e => e.EditedFields).HasConversion<int>();
        builder.Property(e => e.PublishedOnPrecision).HasConversion<int>();
        // Kept by the database's triggers: never written by the application, read back after every save.
        builder.Property(e => e.PublishedResponseCount).HasDefaultValue(0).ValueGeneratedOnAddOrUpdate();
        builder.Property(e => e.DidExerciseCount).HasDefaultValue(0).ValueGeneratedOnAddOrUpdate();
        builder.Property(e => e.HeldResponseCount).HasDefaultValue(0).ValueGeneratedOnAddOrUpdate();

        builder.HasMany(e => e.Tags)
            .WithMany(t => t.Exercises)
            .UsingEntity(
                "ExerciseTag",
                r => r.HasOne(typeof(Tag)).WithMany().HasForeignKey("TagId").OnDelete(DeleteBehavior.Cascade),
                l => l.HasOne(typeof(Exercise)).WithMany().HasForeignKey("ExerciseId").OnDelete(DeleteBehavior.Cascade),
                j => j.HasKey("ExerciseId", "TagId"));
        builder.Navigation(e => e.Tags).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(e => e.Initiatives)
            .WithOne(l => l.Exercise)
            .HasForeignKey(l => l.ExerciseId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Initiatives).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(e => e.Responses)
            .WithOne(r => r.Exercise)
            .HasForeignKey(r => r.ExerciseId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Responses).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
