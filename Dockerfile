# Builds Syncline with the Maven wrapper and runs the API on a slim JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /app syncline
WORKDIR /app
COPY --from=build /src/api/target/syncline.jar /app/syncline.jar
USER syncline
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/syncline.jar"]
