"""Pages of people, qualifications, advisers and the survey import."""
