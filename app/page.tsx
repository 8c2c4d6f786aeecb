export default function Home() {
  return <main className="p-8">Web Games Casino</main>;
}
