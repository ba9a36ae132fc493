using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LibrarianExercises.Web.Data.Configurations;

internal sealed class StrategyVersionConfiguration : IEntityTypeConfiguration<StrategyVersion>
{
    public void Configure(EntityTypeBuilder<StrategyVersion> builder)
    {
        builder.Property(v => v.Key).HasMaxLength(40);
        builder.HasIndex(v => v.Key).IsUnique();
        builder.Property(v => v.Title).HasMaxLength(200);
        builder.HasMany(v => v.Directions)
            .WithOne(d => d.StrategyVersion)
            .HasForeignKey(d => d.StrategyVersionId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Directions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
