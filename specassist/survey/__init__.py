"""Reading site surveys: spreadsheets with messy headers and mixed units, into SurveyCamera rows."""
